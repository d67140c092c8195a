package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
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
        NDArray rows = basis.oldRows();
        if (rows == null) {
            return measure ? 0 : Double.NaN;
        }
        Shape shape = gradient.getShape();
        long n = rows.getShape().get(1);
        if (shape.dimension() < 2 || shape.size() / shape.get(0) != n) {
            throw new IllegalArgumentException("gradient " + shape + " does not match basis " + rows.getShape());
        }
        try (StepScope scope = StepScope.open()) {
            NDArray g2 = shape.dimension() == 2 ? gradient : gradient.reshape(shape.get(0), n);
            NDArray coefficients = g2.matMul(rows.transpose());
            LateralQuantizer q = basis.quantizer();
            if (q != null) {
                coefficients = q.apply(coefficients, c);
            }
            NDArray removed = coefficients.matMul(rows);
            double fraction = Double.NaN;
            if (measure) {
                double total = g2.square().sum().getFloat();
                double gone = removed.square().sum().getFloat();
                fraction = total == 0 ? 0 : Math.sqrt(gone / total);
            }
            gradient.subi(shape.dimension() == 2 ? removed : removed.reshape(shape));
            return fraction;
        }
    }
}
