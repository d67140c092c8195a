package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.Random;

/** Small dense linear algebra in Java doubles: the reference side of the tests. */
final class Dense {
    private Dense() {
    }

    static double[][] gaussian(int rows, int cols, Random random, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian() * scale;
            }
        }
        return a;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    static double[][] t(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** Rows orthonormalised by modified Gram–Schmidt, applied twice. */
    static double[][] orthonormalRows(double[][] a) {
        double[][] q = copy(a);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < q.length; i++) {
                for (int j = 0; j < i; j++) {
                    double d = dot(q[i], q[j]);
                    for (int k = 0; k < q[i].length; k++) {
                        q[i][k] -= d * q[j][k];
                    }
                }
                double n = Math.sqrt(dot(q[i], q[i]));
                for (int k = 0; k < q[i].length; k++) {
                    q[i][k] /= n;
                }
            }
        }
        return q;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Cosines of the principal angles between the row spaces of {@code a} and {@code b}, ascending:
     * the singular values of {@code Qa·Qbᵀ}, from the eigenvalues of its Gram matrix (Jacobi).
     */
    static double[] principalCosines(double[][] a, double[][] b) {
        double[][] m = mul(orthonormalRows(a), t(orthonormalRows(b)));
        double[][] gram = m.length <= m[0].length ? mul(m, t(m)) : mul(t(m), m);
        double[] eig = symmetricEigenvalues(gram);
        double[] cos = new double[eig.length];
        for (int i = 0; i < eig.length; i++) {
            cos[i] = Math.sqrt(Math.max(0, eig[i]));
        }
        Arrays.sort(cos);
        return cos;
    }

    /** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations. */
    static double[] symmetricEigenvalues(double[][] s) {
        double[][] a = copy(s);
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double tt = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        tt = 1;
                    }
                    double cs = 1 / Math.sqrt(tt * tt + 1);
                    double sn = tt * cs;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = cs * akp - sn * akq;
                        a[k][q] = sn * akp + cs * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = cs * apk - sn * aqk;
                        a[q][k] = sn * apk + cs * aqk;
                    }
                }
            }
        }
        double[] eig = new double[n];
        for (int i = 0; i < n; i++) {
            eig[i] = a[i][i];
        }
        return eig;
    }

    static NDArray toTensor(double[][] a, NDManager manager) {
        float[] flat = new float[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                flat[i * a[0].length + j] = (float) a[i][j];
            }
        }
        return manager.create(flat, new Shape(a.length, a[0].length));
    }

    static double[][] fromTensor(NDArray t) {
        int rows = (int) t.getShape().get(0);
        int cols = (int) (t.getShape().size() / Math.max(1, rows));
        float[] flat = t.toFloatArray();
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = flat[i * cols + j];
            }
        }
        return a;
    }

    /** Rows {@code from..to-1} of {@code a}. */
    static double[][] rows(double[][] a, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = a[i].clone();
        }
        return out;
    }
}
