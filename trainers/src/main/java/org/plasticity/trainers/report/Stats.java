package org.plasticity.trainers.report;

/**
 * Mean and sample standard deviation (n − 1) of the finite values given; std is NaN for fewer than two values.
 *
 * @param n    the number of finite values
 * @param mean their mean (NaN when none)
 * @param std  their sample standard deviation (NaN when n &lt; 2)
 */
public record Stats(int n, double mean, double std) {

    /** The statistics of the finite values among {@code values}. */
    public static Stats of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Stats(n, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Stats(n, mean, Math.sqrt(ss / (n - 1)));
    }

    /** Seconds as {@code mean ± std} in seconds below 100 s, else in minutes, with the unit. */
    public String formatDuration() {
        if (n == 0) {
            return "–";
        }
        return mean < 100 ? format(1, 1) + " s" : format(1 / 60.0, 1) + " min";
    }

    /** {@code mean ± std} scaled by {@code scale}, with {@code decimals} decimals; the mean alone when n = 1. */
    public String format(double scale, int decimals) {
        if (n == 0) {
            return "–";
        }
        String pattern = "%." + decimals + "f";
        String m = String.format(java.util.Locale.ROOT, pattern, mean * scale);
        return Double.isNaN(std) ? m : m + " ± " + String.format(java.util.Locale.ROOT, pattern, std * scale);
    }
}
