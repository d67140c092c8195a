package org.plasticity.trainers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.cli.PlasticityCli;

/**
 * {@code plasticity report}: mean ± std over seeds per method, the default and explicit groupings, unfinished runs
 * with their reason, and PNG plots of the expected size that are really drawn.
 */
class ReportTest {
    @TempDir
    Path temp;
    Path runs;

    @BeforeEach
    void sixRunsAndAFailure() {
        runs = temp.resolve("runs");
        double[] accFinetune = {0.60, 0.62, 0.64};
        double[] bwtFinetune = {-0.30, -0.32, -0.34};
        double[] accHlop = {0.95, 0.94, 0.96};
        for (int s = 0; s < 3; s++) {
            FakeRuns.finished(runs.resolve("finetune-" + s), "pm-finetune", "finetune", "bptt", s + 1, 0.1, 4,
                    accFinetune[s], bwtFinetune[s], 600 + 60 * s);
            FakeRuns.finished(runs.resolve("hlop-" + s), "pm-hlop", "finetune+hlop", "dsr", s + 1, 0.1, 4,
                    accHlop[s], -0.01, 700);
        }
        FakeRuns.failed(runs.resolve("broken"), "pm-finetune", 4,
                "error: data/mnist/train-images-idx3-ubyte: missing; fetch it with scripts/fetch-data.sh");
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void perMethodMeanAndStdOverSeedsAsMarkdownAndCsv() throws IOException {
        ReportBuilder.Report report = ReportBuilder.build(List.of(runs), temp.resolve("report"), List.of());
        assertEquals(7, report.runs());
        assertEquals(2, report.groups());
        List<CSVRecord> summary = csv(report.dir().resolve("summary.csv"));
        assertEquals(2, summary.size());
        CSVRecord finetune = summary.get(0);
        assertEquals("pm-finetune", finetune.get("name"));
        assertEquals("finetune", finetune.get("method"));
        assertEquals("bptt", finetune.get("trainingMethod"));
        assertEquals("3", finetune.get("runs"));
        assertEquals("1,2,3", finetune.get("seeds"));
        assertEquals(0.62, Double.parseDouble(finetune.get("acc_mean")), 1e-9);
        assertEquals(0.02, Double.parseDouble(finetune.get("acc_std")), 1e-9);
        assertEquals(-0.32, Double.parseDouble(finetune.get("bwt_mean")), 1e-9);
        assertEquals(0.02, Double.parseDouble(finetune.get("bwt_std")), 1e-9);
        assertEquals(660, Double.parseDouble(finetune.get("wall_seconds_mean")), 1e-6);
        assertEquals(60, Double.parseDouble(finetune.get("wall_seconds_std")), 1e-6);
        assertEquals("finetune+hlop", summary.get(1).get("method"));
        assertEquals(0.95, Double.parseDouble(summary.get(1).get("acc_mean")), 1e-9);

        String md = Files.readString(report.dir().resolve("report.md"));
        assertTrue(md.contains("| pm-finetune | finetune | bptt | 3 | 1,2,3 | 62.00 ± 2.00 | -32.00 ± 2.00 | 1.00 ± 0.00 "
                + "| 11.0 ± 1.0 min |"), md);
        assertTrue(md.contains("| pm-hlop | finetune+hlop | dsr | 3 | 1,2,3 | 95.00 ± 1.00 | -1.00 ± 0.00 |"), md);
        assertTrue(md.contains("## Runs that did not finish"), md);
        assertTrue(md.contains("| broken | pm-finetune | 4 | failed | error: data/mnist/train-images-idx3-ubyte: missing"),
                md);
        assertTrue(md.contains("![ACC per group, mean ± std over seeds](plots/acc.png)"), md);

        List<CSVRecord> perRun = csv(report.dir().resolve("runs.csv"));
        assertEquals(7, perRun.size());
        Map<String, String> states = perRun.stream().collect(Collectors.toMap(r -> r.get("run"), r -> r.get("state")));
        assertEquals("failed", states.get("broken"));
        assertEquals("completed", states.get("hlop-2"));
        assertTrue(Files.readString(report.dir().resolve("report.html")).contains("<td>62.00 ± 2.00</td>"));
    }

    @Test
    void onePlainSeedShowsTheValueAlone() {
        Stats one = Stats.of(0.5);
        assertEquals("50.00", one.format(100, 2));
        assertEquals("–", Stats.of(Double.NaN).format(100, 2));
    }

    @Test
    void thePlotsArePngsOfTheExpectedSizeWithSomethingDrawnOnThem() throws IOException {
        ReportBuilder.Report report = ReportBuilder.build(List.of(runs), temp.resolve("report"), List.of());
        Path plots = report.dir().resolve("plots");
        Map<String, int[]> expected = Map.of(
                "acc.png", new int[] {Charts.BARS_WIDTH, Charts.BARS_HEIGHT},
                "bwt.png", new int[] {Charts.BARS_WIDTH, Charts.BARS_HEIGHT},
                "group-1-acc-matrix.png", new int[] {Charts.HEATMAP_WIDTH, Charts.HEATMAP_HEIGHT},
                "group-2-acc-matrix.png", new int[] {Charts.HEATMAP_WIDTH, Charts.HEATMAP_HEIGHT},
                "group-1-per-task.png", new int[] {Charts.LINES_WIDTH, Charts.LINES_HEIGHT},
                "runs/hlop-0-acc-matrix.png", new int[] {Charts.HEATMAP_WIDTH, Charts.HEATMAP_HEIGHT});
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Path file = plots.resolve(e.getKey());
            assertTrue(Files.size(file) > 5_000, file + " is " + Files.size(file) + " bytes");
            BufferedImage image = Images.read(file);
            assertEquals(e.getValue()[0], image.getWidth(), e.getKey());
            assertEquals(e.getValue()[1], image.getHeight(), e.getKey());
            assertTrue(Images.colours(image) > 20, e.getKey() + " has only " + Images.colours(image) + " colours");
            assertTrue(Images.inked(image) > 0.03, e.getKey() + " is nearly blank: " + Images.inked(image));
            long minColoured = e.getKey().contains("per-task") ? 400 : 2_000; // lines are thinner than bars and cells
            assertTrue(Images.colored(image) > minColoured, e.getKey() + " has only " + Images.colored(image)
                    + " coloured pixels");
        }
        // the heatmap really follows the matrix: a high-accuracy run is darker than a low one
        assertTrue(Images.brightness(Images.read(plots.resolve("runs/hlop-0-acc-matrix.png")))
                < Images.brightness(Images.read(plots.resolve("runs/finetune-0-acc-matrix.png"))));
        assertEquals(2 + 2 * 2 + 6, report.plots().size());
    }

    @Test
    void groupByConfigKeys() throws IOException {
        ReportBuilder.Report byTraining = ReportBuilder.build(List.of(runs), temp.resolve("r1"), List.of("training.method"));
        List<CSVRecord> rows = csv(byTraining.dir().resolve("summary.csv"));
        assertEquals(List.of("bptt", "dsr"), rows.stream().map(r -> r.get("training.method")).toList());
        ReportBuilder.Report byType = ReportBuilder.build(List.of(runs), temp.resolve("r2"),
                List.of("method.type", "training.method"));
        assertEquals(2, csv(byType.dir().resolve("summary.csv")).size());
        ReportBuilder.Report byOne = ReportBuilder.build(List.of(runs), temp.resolve("r3"), List.of("method.type"));
        List<CSVRecord> pooled = csv(byOne.dir().resolve("summary.csv"));
        assertEquals(1, pooled.size());
        assertEquals("6", pooled.get(0).get("runs"));
        UserError e = assertThrows(UserError.class,
                () -> ReportBuilder.build(List.of(runs), temp.resolve("r4"), List.of("method.nope")));
        assertTrue(e.getMessage().contains("--group-by method.nope"), e.getMessage());
    }

    @Test
    void theDefaultGroupingNeverAveragesDifferentSettingsOfOneMethod() throws IOException {
        for (int s = 0; s < 2; s++) {
            FakeRuns.finished(runs.resolve("lr-" + s), "pm-finetune", "finetune", "bptt", s + 1, 0.05, 4, 0.7, -0.2,
                    600);
        }
        ReportBuilder.Report report = ReportBuilder.build(List.of(runs), temp.resolve("report"), List.of());
        List<CSVRecord> rows = csv(report.dir().resolve("summary.csv"));
        assertEquals(3, rows.size(), "pm-finetune at lr 0.05 and at 0.1 are separate groups");
        assertEquals(List.of("0.05", "0.1", "0.1"), rows.stream().map(r -> r.get("training.optimizer.lr")).toList());
        assertTrue(Files.readString(report.dir().resolve("report.md")).contains("training.optimizer.lr added"));
    }

    @Test
    void userMistakesAreOneLineAndExitTwo() throws IOException {
        StringWriter err = new StringWriter();
        int code = PlasticityCli.commandLine().setErr(new PrintWriter(err, true))
                .execute("report", temp.resolve("nowhere").toString());
        assertEquals(2, code);
        assertEquals("error: " + temp.resolve("nowhere") + ": no such folder", err.toString().strip());
        Files.createDirectories(temp.resolve("empty"));
        err.getBuffer().setLength(0);
        assertEquals(2, PlasticityCli.commandLine().setErr(new PrintWriter(err, true))
                .execute("report", temp.resolve("empty").toString()));
        assertFalse(err.toString().strip().contains("\n"), err.toString());
        assertTrue(err.toString().contains("no run folders"), err.toString());
    }
}
