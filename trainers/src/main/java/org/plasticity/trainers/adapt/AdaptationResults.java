package org.plasticity.trainers.adapt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.plasticity.trainers.run.AtomicFiles;
import org.plasticity.trainers.run.RunDirectory;

/**
 * Writes an adaptation run's results atomically: {@value #SHIFTS_CSV} (one row per stream: name, corruption, severity,
 * samples, error, ms per batch) and then {@code metrics.json}, whose presence marks a finished run.
 */
final class AdaptationResults {
    /** The per-stream table. */
    static final String SHIFTS_CSV = "shifts.csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdaptationResults() {
    }

    static void write(RunDirectory dir, AdaptationResult result) {
        try {
            AtomicFiles.writeString(dir.file(SHIFTS_CSV), csv(result));
            AtomicFiles.writeString(dir.file(RunDirectory.METRICS), JSON.writeValueAsString(result));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir.path(), e);
        }
    }

    static String csv(AdaptationResult result) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("shift", "corruption", "severity", "samples", "error", "ms_per_batch").build())) {
            for (AdaptationResult.ShiftResult r : result.shifts()) {
                printer.printRecord(r.name(), r.corruption() == null ? "" : r.corruption(), r.severity(), r.samples(),
                        r.error(), r.msPerBatch());
            }
        }
        return out.toString();
    }
}
