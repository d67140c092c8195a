package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.Stateful;

/**
 * The gradient projection memory of one protected weight layer (GPM, Saha et al. 2021): an
 * orthonormal basis {@code M [N, K]} of the layer's past input activations, grown after each task
 * by the leading left singular vectors of the part of the new activations that M does not already
 * span, until M holds a fraction ε of the new activations' energy. As a {@link SubspaceBasis} its
 * rows {@code Mᵀ} feed the same {@link GradientProjector} HLOP uses, so GPM is HLOP's non-Hebbian
 * twin.
 *
 * <p>The SVD runs on the CPU in double precision (EJML); the rows live on the device as float32.
 */
public final class GpmBasis implements SubspaceBasis, Stateful, AutoCloseable {
    private final NDManager manager;
    private final int inputDim;
    private DMatrixRMaj basis;
    private NDArray rows;

    /**
     * What one {@link #extend} did.
     *
     * @param added directions added
     * @param capturedBefore fraction of the activations' energy the basis held before
     * @param capturedAfter fraction it holds after
     */
    public record Extension(int added, double capturedBefore, double capturedAfter) {
    }

    /**
     * An empty basis.
     *
     * @param parent long-lived manager whose device the rows live on
     * @param inputDim N, the layer's input dimension
     */
    public GpmBasis(NDManager parent, int inputDim) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("input dimension " + inputDim);
        }
        this.manager = parent.newSubManager();
        this.inputDim = inputDim;
        this.basis = new DMatrixRMaj(inputDim, 0);
    }

    /** K, the number of basis directions. */
    public int size() {
        return basis.numCols;
    }

    public int inputDim() {
        return inputDim;
    }

    /**
     * Grows the basis from a task's representation matrix: with {@code R [N, n]} the activations
     * as columns and {@code R̂ = R − M·Mᵀ·R}, directions are taken from R̂'s left singular vectors in
     * decreasing order while the captured energy {@code (‖R‖² − ‖R̂‖² + Σ σ̂ᵢ²) / ‖R‖²} is below
     * {@code threshold}. The basis never exceeds N directions.
     *
     * @param activations row-major {@code [n, N]}: one activation vector per row
     * @param n number of rows
     * @param threshold ε in (0, 1]
     * @return what was added
     */
    public Extension extend(float[] activations, int n, double threshold) {
        if (n < 1 || activations.length < (long) n * inputDim) {
            throw new IllegalArgumentException(n + " rows of " + inputDim + " need " + (long) n * inputDim
                    + " values, got " + activations.length);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        DMatrixRMaj r = new DMatrixRMaj(inputDim, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inputDim; k++) {
                r.unsafe_set(k, i, activations[i * inputDim + k]);
            }
        }
        double total = squaredNorm(r);
        if (total == 0) {
            return new Extension(0, 1, 1);
        }
        DMatrixRMaj residual = residual(r);
        double before = (total - squaredNorm(residual)) / total;
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(inputDim, n, true, false, true);
        if (!svd.decompose(residual)) {
            throw new IllegalStateException("SVD did not converge on a " + inputDim + "x" + n + " activation matrix");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, null, false);
        double captured = before;
        int take = 0;
        int available = Math.min(w.numRows, w.numCols);
        while (take < available && captured < threshold) {
            double s = w.get(take, take);
            captured += s * s / total;
            take++;
        }
        take = Math.min(take, inputDim - size());
        if (take > 0) {
            DMatrixRMaj grown = new DMatrixRMaj(inputDim, size() + take);
            CommonOps_DDRM.insert(basis, grown, 0, 0);
            CommonOps_DDRM.insert(CommonOps_DDRM.extract(u, 0, inputDim, 0, take), grown, 0, size());
            install(grown);
        }
        return new Extension(take, before, energyCaptured(r));
    }

    /** The fraction of the energy of {@code r [N, n]} the basis spans: {@code ‖Mᵀr‖² / ‖r‖²}. */
    public double energyCaptured(DMatrixRMaj r) {
        double total = squaredNorm(r);
        return total == 0 ? 1 : (total - squaredNorm(residual(r))) / total;
    }

    private DMatrixRMaj residual(DMatrixRMaj r) {
        if (size() == 0) {
            return r.copy();
        }
        DMatrixRMaj coefficients = new DMatrixRMaj(size(), r.numCols);
        CommonOps_DDRM.multTransA(basis, r, coefficients);
        DMatrixRMaj out = r.copy();
        CommonOps_DDRM.multAdd(-1, basis, coefficients, out);
        return out;
    }

    private static double squaredNorm(DMatrixRMaj m) {
        double n = NormOps_DDRM.normF(m);
        return n * n;
    }

    /** A copy of the basis {@code M [N, K]} (orthonormal columns). */
    public DMatrixRMaj basis() {
        return basis.copy();
    }

    @Override
    public NDArray oldRows() {
        return rows;
    }

    private void install(DMatrixRMaj grown) {
        basis = grown;
        float[] data = new float[grown.numCols * inputDim];
        for (int j = 0; j < grown.numCols; j++) {
            for (int k = 0; k < inputDim; k++) {
                data[j * inputDim + k] = (float) grown.unsafe_get(k, j);
            }
        }
        NDArray old = rows;
        rows = manager.create(data, new Shape(grown.numCols, inputDim));
        if (old != null) {
            old.close();
        }
    }

    /** Saves the basis in double precision. */
    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        checkpoint.putLongs(prefix + "size", size());
        checkpoint.putDoubles(prefix + "basis", java.util.Arrays.copyOf(basis.getData(), basis.getNumElements()));
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        if (!checkpoint.has(prefix + "size")) {
            return;
        }
        int k = (int) checkpoint.longValue(prefix + "size");
        double[] data = checkpoint.doubles(prefix + "basis");
        if (data.length != (long) k * inputDim) {
            throw new IllegalArgumentException("GPM basis of " + k + " directions needs " + (long) k * inputDim
                    + " values, checkpoint has " + data.length);
        }
        if (k == 0) {
            basis = new DMatrixRMaj(inputDim, 0);
            if (rows != null) {
                rows.close();
                rows = null;
            }
        } else {
            install(DMatrixRMaj.wrap(inputDim, k, data.clone()));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
