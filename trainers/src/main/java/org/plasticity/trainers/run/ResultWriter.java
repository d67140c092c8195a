package org.plasticity.trainers.run;

import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.plasticity.core.metrics.AccuracyMatrix;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a finished run into its result files, each written atomically: {@code metrics.json},
 * {@code acc_matrix.csv} and {@code weights.params} (DJL's NDList encoding, parameter order of
 * {@code Network.parameters()}).
 */
public final class ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {
    }

    /** The result record of a run. */
    public static RunResult result(Experiment experiment, String method, AccuracyMatrix matrix,
                                   List<RunResult.TaskRecord> records, double wallSeconds, double samplesPerSecond) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : matrix.rows()) {
            rows.add(nullable(row));
        }
        return new RunResult(experiment.config().name(), method, experiment.config().training().method(),
                experiment.device().toString(), matrix.tasks(), matrix.acc(), matrix.bwt(), matrix.fwt(), rows,
                nullable(matrix.initialAccuracies()), records, wallSeconds, samplesPerSecond);
    }

    private static List<Double> nullable(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(Double.isNaN(v) ? null : v);
        }
        return list;
    }

    /** Writes the result files into the experiment's run directory. */
    public static void write(Experiment experiment, RunResult result, AccuracyMatrix matrix, NDList weights) {
        RunDirectory dir = experiment.runDirectory();
        try {
            AtomicFiles.writeString(dir.file(RunDirectory.ACC_MATRIX), matrix.toCsv());
            if (experiment.config().output().saveWeights()) {
                byte[] encoded = weights.encode();
                AtomicFiles.write(dir.file(RunDirectory.WEIGHTS), out -> out.write(encoded));
            }
            // metrics.json last: its presence marks a finished run
            AtomicFiles.writeString(dir.file(RunDirectory.METRICS), JSON.writeValueAsString(sanitize(result)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir.path(), e);
        }
    }

    /** JSON has no NaN: undefined summaries are written as null. */
    private static Object sanitize(RunResult r) {
        var node = JSON.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("acc", number(r.acc()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("bwt", number(r.bwt()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("fwt", number(r.fwt()));
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode number(double v) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return Double.isNaN(v) ? f.nullNode() : f.numberNode(v);
    }
}
