package org.plasticity.core.plasticity;

import java.util.Random;

/**
 * {@code torch.nn.init.orthogonal_} (gain 1) for a {@code rows × cols} matrix, computed in Java
 * doubles so that it is the same on every device: a Gaussian matrix (transposed when
 * {@code rows < cols}) is factorised by Householder QR, each column of Q is multiplied by the sign
 * of the matching diagonal entry of R, and Q (transposed back) is the result. The rows are
 * orthonormal when {@code rows ≤ cols}, the columns when {@code rows ≥ cols}.
 *
 * <p>The Gaussian is drawn row-major as a {@code rows × cols} matrix from
 * {@code java.util.Random(seed).nextGaussian()}, whose algorithm its specification fixes, so a
 * seed gives the same block on every JDK. The values differ from PyTorch's, whose generator is not
 * reproducible here; the distribution is the same (Haar-distributed).
 */
final class Orthogonal {
    private Orthogonal() {
    }

    /** The orthogonal {@code rows × cols} matrix for this seed, row-major. */
    static double[] sample(int rows, int cols, long seed) {
        Random random = new Random(seed);
        double[] g = new double[rows * cols];
        for (int i = 0; i < g.length; i++) {
            g[i] = random.nextGaussian();
        }
        boolean wide = rows < cols;
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        // a[j] is column j of the tall m × n matrix A (A = Gᵀ when wide, else G)
        double[][] a = new double[n][m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                a[j][i] = wide ? g[j * cols + i] : g[i * cols + j];
            }
        }
        double[][] q = orthonormalFactor(a, m);
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                out[r * cols + k] = wide ? q[r][k] : q[k][r];
            }
        }
        return out;
    }

    /**
     * The sign-corrected Q of the reduced QR of the tall matrix whose columns are {@code a}
     * (overwritten), as columns: Q·diag(sign(diag R)), the Q of the QR whose R has a positive
     * diagonal.
     */
    private static double[][] orthonormalFactor(double[][] a, int m) {
        int n = a.length;
        double[][] v = new double[n][];
        double[] scale = new double[n];
        double[] diag = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = j; i < m; i++) {
                norm += a[j][i] * a[j][i];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                continue; // column already zero below the diagonal: H_j = I, R_jj = 0
            }
            double alpha = a[j][j] > 0 ? -norm : norm; // the sign that avoids cancellation
            double[] vj = new double[m - j];
            for (int i = j; i < m; i++) {
                vj[i - j] = a[j][i];
            }
            vj[0] -= alpha;
            double vv = 0;
            for (double e : vj) {
                vv += e * e;
            }
            v[j] = vj;
            scale[j] = 2 / vv;
            for (int k = j; k < n; k++) {
                reflect(vj, scale[j], a[k], j);
            }
            diag[j] = alpha;
        }
        double[][] q = new double[n][m];
        for (int k = 0; k < n; k++) {
            q[k][k] = 1;
        }
        for (int j = n - 1; j >= 0; j--) {
            if (v[j] != null) {
                for (int k = j; k < n; k++) {
                    reflect(v[j], scale[j], q[k], j);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            // torch multiplies by sign(R_kk), which would zero a column when R_kk = 0 (probability 0
            // for a Gaussian); keeping the column then is the harmless choice
            if (diag[k] < 0) {
                for (int i = 0; i < m; i++) {
                    q[k][i] = -q[k][i];
                }
            }
        }
        return q;
    }

    /** {@code col[from..] ← (I − scale·v·vᵀ)·col[from..]}. */
    private static void reflect(double[] v, double scale, double[] col, int from) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * col[from + i];
        }
        s *= scale;
        for (int i = 0; i < v.length; i++) {
            col[from + i] -= s * v[i];
        }
    }
}
