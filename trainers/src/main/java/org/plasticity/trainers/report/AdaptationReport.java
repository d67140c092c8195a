package org.plasticity.trainers.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The test-time adaptation part of a report: finished adaptation runs ({@code metrics.json} of kind
 * {@code adaptation}) grouped by method and source, each group's error per stream averaged over its runs, as a
 * table (method × stream, with the mean over the corruptions first), a heatmap and a bar chart of the mean errors.
 *
 * @param table the error table (%)
 * @param plots the heatmap and the bars, in section {@value #SECTION}
 */
record AdaptationReport(Table table, List<Plot> plots) {
    /** The plots' section. */
    static final String SECTION = "adaptation";

    /** Whether a finished run is an adaptation run. */
    static boolean isAdaptation(RunRecord run) {
        return run.completed() && "adaptation".equals(run.metrics().path("kind").asText());
    }

    /** The report part of the adaptation runs among {@code completed}; an empty table when there are none. */
    static AdaptationReport of(List<RunRecord> completed) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        Set<String> streams = new LinkedHashSet<>();
        for (RunRecord run : completed) {
            if (!isAdaptation(run)) {
                continue;
            }
            JsonNode m = run.metrics();
            String source = Path.of(m.path("source").asText()).getFileName().toString();
            groups.computeIfAbsent(m.path("method").asText() + " · " + source, k -> new ArrayList<>()).add(m);
            m.path("shifts").forEach(s -> streams.add(s.path("name").asText()));
        }
        List<String> header = new ArrayList<>(List.of("method · source", "runs", "mean error (corruptions)"));
        header.addAll(streams);
        List<String> labels = new ArrayList<>(groups.keySet());
        // the source first, then the methods in the order they add to it; sources alphabetically within
        labels.sort(java.util.Comparator.comparing((String l) -> source(l)).thenComparingInt(l -> rank(l)));
        List<String> columns = new ArrayList<>(streams);
        double[][] errors = new double[labels.size()][columns.size()];
        List<Double> means = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            List<JsonNode> runs = groups.get(labels.get(g));
            double meanSum = 0;
            int meanCount = 0;
            for (JsonNode m : runs) {
                if (m.hasNonNull("meanError")) {
                    meanSum += m.get("meanError").asDouble();
                    meanCount++;
                }
            }
            double mean = meanCount == 0 ? Double.NaN : meanSum / meanCount;
            means.add(mean);
            List<String> row = new ArrayList<>(List.of(labels.get(g), Integer.toString(runs.size()), percent(mean)));
            for (int j = 0; j < columns.size(); j++) {
                errors[g][j] = streamError(runs, columns.get(j));
                row.add(percent(errors[g][j]));
            }
            rows.add(row);
        }
        List<Plot> plots = new ArrayList<>();
        if (!labels.isEmpty()) {
            plots.add(new Plot(Path.of("plots", "adaptation-errors.png"), "Error per stream and method", SECTION,
                    AdaptationCharts.heatmap(labels, columns, errors)));
            plots.add(new Plot(Path.of("plots", "adaptation-mean-error.png"), "Mean error over the corruptions",
                    SECTION, AdaptationCharts.meanErrors(labels, means)));
        }
        return new AdaptationReport(new Table(header, rows), plots);
    }

    private static final List<String> METHOD_ORDER = List.of("source", "bn-adapt", "tent", "nhl");

    private static String source(String label) {
        return label.substring(label.indexOf(" · ") + 3);
    }

    private static int rank(String label) {
        int i = METHOD_ORDER.indexOf(label.substring(0, label.indexOf(" · ")));
        return i < 0 ? METHOD_ORDER.size() : i;
    }

    /** The mean error of a stream over the runs that have it, NaN when none has. */
    private static double streamError(List<JsonNode> runs, String stream) {
        double sum = 0;
        int n = 0;
        for (JsonNode m : runs) {
            for (JsonNode s : m.path("shifts")) {
                if (s.path("name").asText().equals(stream)) {
                    sum += s.path("error").asDouble();
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", 100 * v) : "";
    }
}
