package org.plasticity.trainers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adaptation runs in a report: grouped by method and source, each group's error per stream the mean over its runs,
 * the corruption mean first; a heatmap and a bar chart are drawn; a continual run beside them keeps its own table.
 */
class AdaptationReportTest {
    @TempDir
    Path temp;

    private void adaptation(Path dir, String method, double gauss, double contrast, double digits) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), """
                { "name": "a", "seed": 1, "adaptation": { "source": "/runs/mnist-source", "method": { "type": "%s" } } }
                """.formatted(method));
        Files.writeString(dir.resolve("metrics.json"), String.format(Locale.ROOT, """
                { "kind": "adaptation", "name": "a", "method": "%s", "source": "/runs/mnist-source",
                  "shifts": [ { "name": "gaussian_noise@5", "corruption": "gaussian_noise", "severity": 5, "error": %s },
                              { "name": "contrast@5", "corruption": "contrast", "severity": 5, "error": %s },
                              { "name": "digits", "corruption": null, "severity": 0, "error": %s } ],
                  "meanError": %s }
                """, method, gauss, contrast, digits, (gauss + contrast) / 2));
    }

    @Test
    void tableAndPlotsPerMethod() throws IOException {
        Path runs = temp.resolve("runs");
        adaptation(runs.resolve("src"), "source", 0.60, 0.80, 0.50);
        adaptation(runs.resolve("tent-1"), "tent", 0.20, 0.30, 0.18);
        adaptation(runs.resolve("tent-2"), "tent", 0.30, 0.10, 0.16);
        FakeRuns.finished(runs.resolve("continual"), "pmnist", "finetune", "dsr", 1, 0.1, 3, 0.9, -0.05, 10);
        ReportBuilder.Report report = ReportBuilder.build(List.of(runs), temp.resolve("report"), List.of());
        String md = Files.readString(report.dir().resolve("report.md"));
        assertTrue(md.contains("| source · mnist-source | 1 | 70.00 | 60.00 | 80.00 | 50.00 |"), md);
        assertTrue(md.contains("| tent · mnist-source | 2 | 22.50 | 25.00 | 20.00 | 17.00 |"), md);
        assertTrue(md.contains("## Summary"), "the continual run keeps its table");
        BufferedImage heatmap = Images.read(report.dir().resolve("plots/adaptation-errors.png"));
        assertEquals(900, heatmap.getWidth());
        assertTrue(Images.colored(heatmap) > 1000, "the heatmap has coloured cells");
        BufferedImage bars = Images.read(report.dir().resolve("plots/adaptation-mean-error.png"));
        assertTrue(Images.colored(bars) > 100, "bars drawn");
        assertTrue(Files.readString(report.dir().resolve("report.html")).contains("Test-time adaptation"));
    }
}
