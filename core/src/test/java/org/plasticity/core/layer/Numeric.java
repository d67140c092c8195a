package org.plasticity.core.layer;

import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random data, naive reference ops and finite differences for the layer tests. */
final class Numeric {
    private Numeric() {
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static long out(long in, int k, int s, int p) {
        return (in + 2L * p - k) / s + 1;
    }

    /** Naive im2col of x [R, C, H, W]: [R·L, C·k·k], rows (r, oh, ow), columns (c, i, j). */
    static double[][] im2col(float[] x, int r, int c, int h, int w, int k, int s, int p) {
        int ho = (int) out(h, k, s, p);
        int wo = (int) out(w, k, s, p);
        double[][] rows = new double[r * ho * wo][c * k * k];
        for (int n = 0; n < r; n++) {
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    double[] row = rows[(n * ho + oh) * wo + ow];
                    for (int ch = 0; ch < c; ch++) {
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                int y = oh * s + i - p;
                                int z = ow * s + j - p;
                                row[ch * k * k + i * k + j] = y < 0 || y >= h || z < 0 || z >= w ? 0
                                        : x[((n * c + ch) * h + y) * w + z];
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** Central differences of f at x, one coordinate at a time. */
    static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double plus = f.applyAsDouble(x);
            x[i] = keep - h;
            double minus = f.applyAsDouble(x);
            x[i] = keep;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /** Σ a⊙b in double. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double dot(double[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** |expected − actual| ≤ tol·max(1, max|expected|) elementwise (a relative tolerance on the scale of the values). */
    static void assertClose(double[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tol * scale, what + ": max error " + worst + " > " + tol + "·" + scale);
    }

    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertClose(toDouble(expected), actual, tol, what);
    }

    /** The largest magnitude in {@code a}. */
    static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
