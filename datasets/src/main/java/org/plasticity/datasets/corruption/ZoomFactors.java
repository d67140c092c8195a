package org.plasticity.datasets.corruption;

/**
 * numpy's {@code arange(start, stop, step)} for doubles: {@code ceil((stop − start)/step)} values,
 * the second {@code start + step}, the i-th (i ≥ 2) {@code start + i·((start + step) − start)}.
 * This is why the reference's {@code arange(1, 1.06, 0.01)} has 7 factors (1.00 … 1.06), not 6.
 */
final class ZoomFactors {

    private ZoomFactors() {}

    static double[] arange(double start, double stop, double step) {
        int n = (int) Math.ceil((stop - start) / step);
        double[] values = new double[Math.max(n, 0)];
        double delta = (start + step) - start;
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 1 ? start + step : start + i * delta;
        }
        return values;
    }
}
