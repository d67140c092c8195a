package org.plasticity.trainers.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.trainers.report.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plasticity report DIR...}: tables, plots and one HTML page from run folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Aggregate run folders (single runs, sweep folders, folders of runs) into a report: "
                + "report.md, summary.csv and runs.csv (ACC, BWT, FWT, wall time; mean ± std over seeds per group), "
                + "PNG plots (accuracy-matrix heatmaps, per-task accuracy, ACC/BWT with error bars) and one "
                + "self-contained report.html.",
                "Default grouping: metrics.json name, method and trainingMethod, seeds pooled (plus any config key "
                        + "that differs within such a group)."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders with runs in or below them.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The report folder (default: DIR/report for one DIR, else ./report).")
    Path out;

    @Option(names = "--group-by", paramLabel = "KEY[,KEY...]", split = ",",
            description = "Group by these dotted config.json paths instead, e.g. method.type,training.method.")
    List<String> groupBy = new ArrayList<>();

    @Override
    public Integer call() {
        Path target = out != null ? out : dirs.size() == 1 ? dirs.get(0).resolve("report") : Path.of("report");
        ReportBuilder.Report report = ReportBuilder.build(dirs, target, groupBy.stream().map(String::strip).toList());
        System.out.printf("report: %d runs in %d groups -> %s (%s, %s, %s, %d plots)%n", report.runs(),
                report.groups(), report.dir().resolve(ReportBuilder.HTML), ReportBuilder.MARKDOWN,
                ReportBuilder.SUMMARY_CSV, ReportBuilder.RUNS_CSV, report.plots().size());
        return 0;
    }
}
