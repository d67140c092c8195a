package org.plasticity.trainers.run;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;

/**
 * Progress bars with rate and ETA on the console (stderr), drawn by the progressbar library. {@link #forStderr()}
 * picks bars only on a terminal: when stderr goes to a file or pipe (Slurm, CI, {@code 2> log}) a redrawn bar is a
 * flood of carriage returns, so {@link PlainProgress} lines are printed instead.
 */
public final class ConsoleProgress implements Progress.Factory {
    /** Environment variable forcing the style: {@code bars} or {@code plain}; otherwise chosen by the console. */
    public static final String STYLE_VARIABLE = "PLASTICITY_PROGRESS";

    private final PrintStream stream;

    /**
     * The progress display for stderr: bars when the JVM has a console (a terminal) or {@value #STYLE_VARIABLE} is
     * {@code bars}, plain lines every 10 % otherwise or when it is {@code plain}.
     */
    public static Progress.Factory forStderr() {
        return choose(System.getenv(STYLE_VARIABLE), System.console() != null, System.err);
    }

    static Progress.Factory choose(String style, boolean terminal, PrintStream stream) {
        boolean bars = style == null || style.isBlank() ? terminal : style.strip().equalsIgnoreCase("bars");
        return bars ? new ConsoleProgress(stream) : new PlainProgress(stream);
    }

    /** Bars on {@code stream}, whatever it is connected to. */
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
