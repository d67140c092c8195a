package org.plasticity.core.plasticity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Arrays;

/**
 * How much of a layer's activity a subspace holds, against the best any subspace of its dimension
 * could hold. With the activity's Gram matrix {@code C = Σᵢ xᵢ·xᵢᵀ} over the rows {@code xᵢ} and
 * {@code U} an orthonormal basis of the span of the rows of {@code H [M, N]} (rank r):
 * <pre>
 *   captured  = tr(Uᵀ·C·U) / tr(C)                    (= Σᵢ ‖U·Uᵀ·xᵢ‖² / Σᵢ ‖xᵢ‖²)
 *   principal = (λ₁ + … + λ_r) / tr(C)                 (λ the eigenvalues of C, descending)
 * </pre>
 * {@code principal} is what the r leading principal directions hold, the most any r-dimensional
 * subspace can (Ky Fan), so {@code captured ≤ principal}; a Hebbian subspace that has converged to
 * the principal subspace has {@code captured = principal}. GPM's energy threshold is {@code principal}
 * at the smallest r that reaches it.
 */
public final class SubspaceEnergy {
    private static final int BLOCK = 2048;
    /** Singular values below this fraction of the largest are taken as rank deficiency. */
    private static final double RANK_TOLERANCE = 1e-6;

    /**
     * @param captured fraction of the activity's energy in the subspace
     * @param principal fraction in the leading {@code rank} principal directions
     * @param rank dimension of the subspace
     */
    public record Fractions(double captured, double principal, int rank) {
    }

    private SubspaceEnergy() {
    }

    /**
     * @param activations row-major {@code [n, N]}: one activity vector per row
     * @param n number of rows
     * @param subspace row-major {@code [M, N]}: rows spanning the subspace (need not be orthonormal)
     * @param m number of subspace rows
     * @param inputDim N
     * @return the two fractions; both 1 when the activity is zero
     */
    public static Fractions of(float[] activations, int n, float[] subspace, int m, int inputDim) {
        if (activations.length < (long) n * inputDim || subspace.length < (long) m * inputDim) {
            throw new IllegalArgumentException("need " + n + " and " + m + " rows of " + inputDim);
        }
        DMatrixRMaj gram = gram(activations, n, inputDim);
        double total = CommonOps_DDRM.trace(gram);
        DMatrixRMaj basis = orthonormalBasis(subspace, m, inputDim);
        int rank = basis.numCols;
        if (total == 0) {
            return new Fractions(1, 1, rank);
        }
        double captured = 0;
        if (rank > 0) {
            DMatrixRMaj cu = new DMatrixRMaj(inputDim, rank);
            CommonOps_DDRM.mult(gram, basis, cu);
            for (int j = 0; j < rank; j++) {
                for (int k = 0; k < inputDim; k++) {
                    captured += basis.unsafe_get(k, j) * cu.unsafe_get(k, j);
                }
            }
        }
        return new Fractions(captured / total, leading(gram, rank) / total, rank);
    }

    /** {@code C = Xᵀ·X} accumulated in blocks of rows, in double precision. */
    private static DMatrixRMaj gram(float[] x, int n, int dim) {
        DMatrixRMaj c = new DMatrixRMaj(dim, dim);
        for (int from = 0; from < n; from += BLOCK) {
            int rows = Math.min(BLOCK, n - from);
            DMatrixRMaj block = new DMatrixRMaj(rows, dim);
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < dim; k++) {
                    block.unsafe_set(i, k, x[(from + i) * dim + k]);
                }
            }
            CommonOps_DDRM.multAddTransA(block, block, c);
        }
        return c;
    }

    /** Left singular vectors of {@code Hᵀ [N, M]} whose singular values are not negligible: {@code [N, r]}. */
    private static DMatrixRMaj orthonormalBasis(float[] h, int m, int dim) {
        if (m == 0) {
            return new DMatrixRMaj(dim, 0);
        }
        DMatrixRMaj ht = new DMatrixRMaj(dim, m);
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < dim; k++) {
                ht.unsafe_set(k, j, h[j * dim + k]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(dim, m, true, false, true);
        if (!svd.decompose(ht)) {
            throw new IllegalStateException("SVD did not converge on a " + dim + "x" + m + " subspace");
        }
        DMatrixRMaj u = svd.getU(null, false);
        double[] s = svd.getSingularValues();
        double max = Arrays.stream(s).max().orElse(0);
        int kept = 0;
        int[] columns = new int[s.length];
        for (int j = 0; j < s.length; j++) {
            if (s[j] > RANK_TOLERANCE * max) {
                columns[kept++] = j;
            }
        }
        DMatrixRMaj basis = new DMatrixRMaj(dim, kept);
        for (int j = 0; j < kept; j++) {
            for (int k = 0; k < dim; k++) {
                basis.unsafe_set(k, j, u.unsafe_get(k, columns[j]));
            }
        }
        return basis;
    }

    /** The sum of the {@code r} largest eigenvalues of the symmetric {@code c}. */
    private static double leading(DMatrixRMaj c, int r) {
        if (r == 0) {
            return 0;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(c.numRows, false, true);
        if (!eig.decompose(c.copy())) {
            throw new IllegalStateException("eigen-decomposition did not converge on a " + c.numRows + "² Gram matrix");
        }
        double[] values = new double[eig.getNumberOfEigenvalues()];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        double sum = 0;
        for (int i = values.length - 1; i >= Math.max(0, values.length - r); i--) {
            sum += values[i];
        }
        return sum;
    }
}
