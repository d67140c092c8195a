package org.plasticity.trainers.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for logs (stderr not a terminal: Slurm, CI, {@code > log}): one plain line each time a phase crosses
 * another tenth of its total, with rate and ETA, instead of a bar redrawn with carriage returns.
 */
public final class PlainProgress implements Progress.Factory {
    /** Lines per phase: one every 10 %. */
    static final int STEPS = 10;

    private final PrintStream stream;
    private final LongSupplier nanoClock;

    /** Lines on {@code stream}, timed by the system clock. */
    public PlainProgress(PrintStream stream) {
        this(stream, System::nanoTime);
    }

    PlainProgress(PrintStream stream, LongSupplier nanoClock) {
        this.stream = stream;
        this.nanoClock = nanoClock;
    }

    @Override
    public Progress start(String name, long total, String unit) {
        long started = nanoClock.getAsLong();
        return new Progress() {
            private long done;
            private int tenthsShown;

            @Override
            public void advance(long n, String status) {
                done += n;
                int tenths = total <= 0 ? STEPS : (int) Math.min(STEPS, done * STEPS / total);
                if (tenths > tenthsShown) {
                    tenthsShown = tenths;
                    stream.println(line(name, done, total, unit, status, (nanoClock.getAsLong() - started) / 1e9));
                    stream.flush();
                }
            }

            @Override
            public void close() {
            }
        };
    }

    static String line(String name, long done, long total, String unit, String status, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        String percent = total > 0 ? Math.round(100.0 * done / total) + "%" : "100%";
        return String.format(Locale.ROOT, "%s: %s (%d/%d %s, %.0f %s/s, ETA %d:%02d)%s", name, percent, done, total,
                unit, rate, unit, eta / 60, eta % 60, status == null ? "" : " " + status);
    }
}
