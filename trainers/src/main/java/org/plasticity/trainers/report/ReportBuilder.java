package org.plasticity.trainers.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.run.AtomicFiles;

/**
 * Builds a report from run folders: {@code report.md}, {@code summary.csv}, {@code runs.csv}, the plots under
 * {@code plots/}, and {@code report.html}, which holds all of it in one file.
 */
public final class ReportBuilder {

    /** The report's file names. */
    public static final String MARKDOWN = "report.md";
    /** The report's file names. */
    public static final String HTML = "report.html";
    /** The report's file names. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** The report's file names. */
    public static final String RUNS_CSV = "runs.csv";

    /**
     * What was written.
     *
     * @param dir      the report folder
     * @param runs     runs found
     * @param groups   groups in the summary
     * @param plots    the plot files (absolute)
     */
    public record Report(Path dir, int runs, int groups, List<Path> plots) {
        public Report {
            plots = List.copyOf(plots);
        }
    }

    private ReportBuilder() {
    }

    /**
     * Builds the report.
     *
     * @param inputs  run folders, sweep folders or folders of runs
     * @param out     the report folder (created)
     * @param groupBy dotted config keys to group by, or empty for the default grouping
     * @return what was written
     */
    public static Report build(List<Path> inputs, Path out, List<String> groupBy) {
        List<RunRecord> runs = RunScanner.scan(inputs);
        AdaptationReport adaptation = AdaptationReport.of(runs);
        // adaptation runs have no accuracy matrix: they get their own section
        runs = runs.stream().filter(r -> !AdaptationReport.isAdaptation(r)).toList();
        List<RunRecord> completed = runs.stream().filter(RunRecord::completed).toList();
        Grouping grouping = groupBy.isEmpty() ? Grouping.byDefault(completed)
                : Grouping.byConfigKeys(completed, groupBy);
        Table summary = ReportTables.summary(grouping);
        Table perRun = ReportTables.runs(runs);
        Table unfinished = ReportTables.unfinished(runs);
        List<Plot> plots = new ArrayList<>(plots(grouping, completed));
        plots.addAll(adaptation.plots());
        String title = "Plasticity report: " + inputs.stream().map(p -> p.getFileName() == null ? p.toString()
                : p.getFileName().toString()).collect(Collectors.joining(", "));
        String continualIntro = completed.size() + " of " + runs.size() + " runs finished, in "
                + grouping.groups().size() + " group(s) by " + String.join(", ", grouping.keys())
                + " (seeds pooled: mean ± sample std)"
                + (grouping.added().isEmpty() ? "" : "; " + String.join(", ", grouping.added())
                        + " added because it differs within a method")
                + ". ACC in %, BWT and FWT in percentage points.";
        String adaptationIntro = adaptation.table().rows().size() + " test-time adaptation group(s) (method · source, "
                + "runs pooled): errors in %.";
        String intro = adaptation.table().rows().isEmpty() ? continualIntro
                : runs.isEmpty() ? adaptationIntro : continualIntro + " " + adaptationIntro;
        Path dir = out.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Plot p : plots) {
                Path file = dir.resolve(p.file());
                AtomicFiles.write(file, o -> o.write(p.png()));
                written.add(file);
            }
            AtomicFiles.writeString(dir.resolve(SUMMARY_CSV), ReportTables.summaryCsv(grouping));
            AtomicFiles.writeString(dir.resolve(RUNS_CSV), ReportTables.runsCsv(runs));
            AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(title, intro, summary, perRun, unfinished, adaptation, plots));
            AtomicFiles.writeString(dir.resolve(HTML), HtmlReport.render(title, intro, summary, perRun, unfinished,
                    adaptation.table(), plots));
        } catch (IOException e) {
            throw new UserError("cannot write the report into " + dir + ": " + e.getMessage()
                    + "; choose another folder with --out");
        }
        return new Report(dir, runs.size(), grouping.groups().size(), written);
    }

    private static List<Plot> plots(Grouping grouping, List<RunRecord> completed) {
        List<Plot> plots = new ArrayList<>();
        if (completed.isEmpty()) {
            return plots;
        }
        plots.add(new Plot(Path.of("plots", "acc.png"), "ACC per group, mean ± std over seeds", "overview",
                Charts.acc(grouping.groups())));
        plots.add(new Plot(Path.of("plots", "bwt.png"), "BWT per group, mean ± std over seeds", "overview",
                Charts.bwt(grouping.groups())));
        for (int k = 0; k < grouping.groups().size(); k++) {
            RunGroup g = grouping.groups().get(k);
            String of = g.runs().size() == 1 ? "" : " (mean of " + g.runs().size() + " runs)";
            double[][] matrix = g.meanAccMatrix();
            plots.add(new Plot(Path.of("plots", "group-" + (k + 1) + "-acc-matrix.png"),
                    "Accuracy matrix: " + g.label() + of, "groups",
                    Charts.heatmap(title("Accuracy (%): ", g.label(), of), matrix)));
            plots.add(new Plot(Path.of("plots", "group-" + (k + 1) + "-per-task.png"),
                    "Per-task accuracy over the task sequence: " + g.label() + of, "groups",
                    Charts.perTask(title("Accuracy of each task: ", g.label(), of), matrix)));
        }
        for (RunRecord r : completed) {
            plots.add(new Plot(Path.of("plots", "runs", safe(r.label()) + "-acc-matrix.png"),
                    "Accuracy matrix of " + r.label() + " (seed " + r.seed() + ")", "runs",
                    Charts.heatmap("Accuracy (%): " + r.name() + ", seed " + r.seed(), r.accMatrix())));
        }
        return plots;
    }

    private static String markdown(String title, String intro, Table summary, Table runs, Table unfinished,
            AdaptationReport adaptation, List<Plot> plots) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n").append(intro).append("\n\n");
        boolean continual = !runs.rows().isEmpty();
        if (continual) {
            sb.append("## Summary\n\n").append(summary.markdown()).append('\n');
        }
        if (!adaptation.table().rows().isEmpty()) {
            sb.append("## Test-time adaptation (error %)\n\n").append(adaptation.table().markdown()).append('\n');
        }
        if (!unfinished.rows().isEmpty()) {
            sb.append("## Runs that did not finish\n\n").append(unfinished.markdown()).append('\n');
        }
        if (continual) {
            sb.append("## Runs\n\n").append(runs.markdown()).append('\n');
        }
        if (!plots.isEmpty()) {
            sb.append("## Plots\n\n");
            for (Plot p : plots) {
                if (!p.section().equals("runs")) {
                    sb.append("![").append(p.caption()).append("](").append(p.file().toString().replace('\\', '/'))
                            .append(")\n\n");
                }
            }
            if (continual) {
                sb.append("Accuracy matrix of every run: `plots/runs/`.\n");
            }
        }
        return sb.toString();
    }

    /** A chart title that fits its chart: the group label cut to length. */
    private static String title(String what, String label, String of) {
        String text = label.length() > 48 ? label.substring(0, 47) + "…" : label;
        return what + text + of;
    }

    private static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
