package org.plasticity.trainers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium renders the page and its embedded plots. The screenshot must show
 * the page (not blank) and the plots: it is compared with a screenshot of the same page without its images, which
 * has next to no coloured pixels (text and table lines are grey).
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH = 1300;
    private static final int HEIGHT = 1500;

    @TempDir
    Path temp;

    private BufferedImage screenshot(Path html, String name) throws Exception {
        Path shot = temp.resolve(name + ".png");
        Path profile = Files.createDirectories(temp.resolve("profile-" + name));
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + shot,
                "--window-size=" + WIDTH + "," + HEIGHT, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve(name + ".log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.isRegularFile(shot), "no screenshot: " + Files.readString(temp.resolve(name + ".log")));
        return Images.read(shot);
    }

    @Test
    void theHtmlReportRendersWithItsPlotsVisible() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (apt-get install chromium)");
        Path runs = temp.resolve("runs");
        for (int s = 0; s < 2; s++) {
            FakeRuns.finished(runs.resolve("a-" + s), "pm-finetune", "finetune", "bptt", s + 1, 0.1, 5, 0.6 + 0.02 * s,
                    -0.3, 600);
            FakeRuns.finished(runs.resolve("b-" + s), "pm-hlop", "finetune+hlop", "dsr", s + 1, 0.1, 5, 0.95, -0.01,
                    700);
        }
        ReportBuilder.Report report = ReportBuilder.build(List.of(runs), temp.resolve("report"), List.of());
        Path html = report.dir().resolve(ReportBuilder.HTML);
        String page = Files.readString(html);
        assertTrue(page.contains("data:image/png;base64,"), "plots are embedded: the page stands alone");
        Path copy = Files.createDirectories(temp.resolve("elsewhere")).resolve("report.html");
        Files.writeString(copy, page); // away from its plots/ folder: it must not need it
        Path bare = temp.resolve("bare.html");
        Files.writeString(bare, page.replaceAll("<img [^>]*>", ""));

        BufferedImage withPlots = screenshot(copy, "report");
        BufferedImage withoutPlots = screenshot(bare, "bare");
        assertEquals(WIDTH, withPlots.getWidth());
        assertEquals(HEIGHT, withPlots.getHeight());
        double inked = Images.inked(withPlots);
        long colored = Images.colored(withPlots);
        long coloredBare = Images.colored(withoutPlots);
        assertTrue(inked > 0.05, "the page is nearly blank: " + inked);
        assertTrue(colored > 40_000, "the plots are not visible: " + colored + " coloured pixels");
        assertTrue(colored > 20 * Math.max(1, coloredBare),
                "the coloured pixels come from the plots: " + colored + " with them, " + coloredBare + " without");
    }
}
