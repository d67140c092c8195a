package org.plasticity.datasets.corruption;

/**
 * Exact Poisson sampling (exact up to floating-point rounding, no approximation of the law).
 * Means below 10: Knuth's multiplication method, the count of uniforms whose running product stays
 * above {@code e^−λ}. Means of 10 and more: Hörmann's PTRS, transformed rejection with squeeze
 * (W. Hörmann, "The transformed rejection method for generating Poisson random variables",
 * Insurance: Mathematics and Economics 12, 1993), which accepts a candidate {@code k} against the
 * exact log-pmf {@code −λ + k·ln λ − ln k!}; numpy uses the same pair of methods.
 */
final class PoissonSampler {

    /** Means from here on use PTRS. */
    static final double PTRS_FROM = 10;

    /** Below this, {@code ln k!} is summed exactly from logarithms; from here, Stirling's series. */
    private static final int STIRLING_FROM = 20;
    private static final double HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private PoissonSampler() {}

    static long sample(Draws draws, double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < PTRS_FROM ? knuth(draws, mean) : ptrs(draws, mean);
    }

    private static long knuth(Draws draws, double mean) {
        double limit = Math.exp(-mean);
        long k = 0;
        double product = draws.uniform();
        while (product > limit) {
            k++;
            product *= draws.uniform();
        }
        return k;
    }

    private static long ptrs(Draws draws, double mean) {
        double sqrtMean = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = draws.uniform() - 0.5;
            double v = draws.uniform();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
            if (lhs <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /**
     * @param k a count ≥ 0
     * @return {@code ln k!}: a sum of logarithms below 20, else Stirling's series to the
     *     {@code 1/(1260 k⁵)} term (error below {@code 1/(1680 k⁷)} &lt; 5·10⁻¹³)
     */
    static double logFactorial(long k) {
        if (k < STIRLING_FROM) {
            double sum = 0;
            for (long i = 2; i <= k; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        double n = k;
        double inv = 1 / n;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
        return n * Math.log(n) - n + 0.5 * Math.log(n) + HALF_LN_TWO_PI + series;
    }
}
