package org.plasticity.trainers.run;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;

/** Progress bars with rate and ETA on the console (stderr), drawn by the progressbar library. */
public final class ConsoleProgress implements Progress.Factory {
    private final PrintStream stream;

    public ConsoleProgress(PrintStream stream) {
        this.stream = stream;
    }

    @Override
    public Progress start(String name, long total, String unit) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .build();
        return new Progress() {
            @Override
            public void advance(long n, String status) {
                bar.stepBy(n);
                if (status != null) {
                    bar.setExtraMessage(status);
                }
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
