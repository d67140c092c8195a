package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.StepScope;

/**
 * Projects a weight gradient orthogonally to a {@link SubspaceBasis}, in place:
 * {@code G ← G − q(G·Bᵀ)·B} (hlop.md §2.5, 'weight' projection; q is the basis' quantiser or the
 * identity). For a linear layer this equals projecting every input row, {@code gᵀ·(x − BᵀBx)}.
 * A gradient of rank above 2 (a conv kernel {@code [out, C, k, k]}) is treated as
 * {@code [out, C·k·k]}, matching unfolded input patches.
 */
public final class GradientProjector {
    private final SubspaceBasis basis;
    private final Constants c;

    /**
     * @param basis the rows to project away from (read at every call, so it may grow)
     * @param c constants for the quantiser
     */
    public GradientProjector(SubspaceBasis basis, Constants c) {
        this.basis = basis;
        this.c = c;
    }

    /**
     * Projects {@code gradient} in place. It may be the wrapper returned by
     * {@code getGradient()}: only in-place ops touch it, so the real gradient changes.
     *
     * @param gradient weight gradient {@code [out, N]} or {@code [out, C, k, k]} with C·k·k = N
     * @param measure whether to compute the removed fraction (costs a device sync)
     * @return {@code ‖G − G'‖/‖G‖} (0 when G or the basis is empty) if {@code measure}, else NaN
     */
    public double project(NDArray gradient, boolean measure) {
        if (basis.oldRows() == null) {
            return measure ? 0 : Double.NaN;
        }
        try (StepScope scope = StepScope.open()) {
            Projection p = new Projection(gradient);
            double fraction = Double.NaN;
            if (measure) {
                double total = p.flat.square().sum().getFloat();
                double gone = p.removed.square().sum().getFloat();
                fraction = total == 0 ? 0 : Math.sqrt(gone / total);
            }
            p.apply();
            return fraction;
        }
    }

    /**
     * Projects {@code gradient} in place as {@link #project(NDArray, boolean)} does and adds the removed
     * fraction {@code ‖G − G'‖/‖G‖} (0 when G is 0) to {@code removedSum} on the device, with no
     * device→host copy. The fraction is formed in float64 from the same float32 sums, so it equals the
     * measured return value of {@link #project(NDArray, boolean)} bit for bit. Adds nothing while the
     * basis is empty.
     *
     * @param removedSum a kept 0-d float64 accumulator on the gradient's device
     */
    public void project(NDArray gradient, NDArray removedSum) {
        if (basis.oldRows() == null) {
            return;
        }
        try (StepScope scope = StepScope.open()) {
            Projection p = new Projection(gradient);
            addRemovedFraction(p.flat, p.removed, removedSum);
            p.apply();
        }
    }

    /**
     * Adds {@code ‖removed‖/‖gradient‖} (0 when the gradient is 0) to {@code removedSum} on the device: the squared
     * norms are float32 sums, their ratio and root float64. Every site that measures a projection uses it.
     *
     * @param gradient the unprojected gradient G
     * @param removed the part the projection takes away, {@code G − G'}
     * @param removedSum a kept 0-d float64 accumulator on their device
     */
    public static void addRemovedFraction(NDArray gradient, NDArray removed, NDArray removedSum) {
        try (StepScope scope = StepScope.open()) {
            NDArray total = gradient.square().sum().toType(DataType.FLOAT64, false);
            NDArray gone = removed.square().sum().toType(DataType.FLOAT64, false);
            NDArray zero = total.zerosLike();
            removedSum.addi(NDArrays.where(total.eq(zero), zero, gone.div(total).sqrt()));
        }
    }

    /** Whether the basis holds rows, so that a projection changes anything. */
    public boolean active() {
        return basis.oldRows() != null;
    }

    /** The number of basis rows M (0 while there are none); reads only the shape. */
    public long basisSize() {
        NDArray rows = basis.oldRows();
        return rows == null ? 0 : rows.getShape().get(0);
    }

    /**
     * Whether {@link #projectRows} gives the same weight gradient as {@link #project}: exactly when the
     * coefficients are not quantised, since {@code (gᵀX)·Bᵀ·B = gᵀ·(X·Bᵀ·B)} but a quantiser is not linear.
     */
    public boolean projectsRows() {
        return basis.quantizer() == null;
    }

    /**
     * The rows {@code x [R, N]} with their part in the basis' span removed, {@code x − (x·Bᵀ)·B}, detached. A linear
     * layer whose weight gradient is formed from these rows ({@code gᵀ·x'}) receives the projected gradient
     * {@code G − (G·Bᵀ)·B} of {@link #project} (equal up to float rounding), at {@code 2·R·N·M} multiply-adds
     * instead of {@code 2·out·N·M}. Returns {@code x} itself while the basis is empty.
     *
     * @throws IllegalStateException with a quantiser ({@link #projectsRows()} is false)
     */
    public NDArray projectRows(NDArray x) {
        NDArray rows = basis.oldRows();
        if (rows == null) {
            return x;
        }
        if (!projectsRows()) {
            throw new IllegalStateException("a quantised projection cannot be applied to the input rows");
        }
        NDArray detached = x.stopGradient();
        return detached.sub(detached.matMul(rows.transpose()).matMul(rows));
    }

    /** The gradient as {@code [out, N]} and the part of it in the basis' span, {@code q(G·Bᵀ)·B}. */
    private final class Projection {
        final NDArray gradient;
        final NDArray flat;
        final NDArray removed;

        Projection(NDArray gradient) {
            NDArray rows = basis.oldRows();
            Shape shape = gradient.getShape();
            long n = rows.getShape().get(1);
            if (shape.dimension() < 2 || shape.size() / shape.get(0) != n) {
                throw new IllegalArgumentException("gradient " + shape + " does not match basis " + rows.getShape());
            }
            this.gradient = gradient;
            this.flat = shape.dimension() == 2 ? gradient : gradient.reshape(shape.get(0), n);
            NDArray coefficients = flat.matMul(rows.transpose());
            LateralQuantizer q = basis.quantizer();
            if (q != null) {
                coefficients = q.apply(coefficients, c);
            }
            this.removed = coefficients.matMul(rows);
        }

        /** {@code G ← G − removed}, in place. */
        void apply() {
            Shape shape = gradient.getShape();
            gradient.subi(shape.dimension() == 2 ? removed : removed.reshape(shape));
        }
    }
}
