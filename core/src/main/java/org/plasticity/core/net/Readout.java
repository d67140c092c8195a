package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.plasticity.core.tensor.Constants;

import java.util.List;

/**
 * How the per-step outputs of a network become one logit vector: a weighted sum over time
 * {@code Σ_t a_t·o_t}. {@code mean} has {@code a_t = 1/T} (BPTT reference), {@code sum} has
 * {@code a_t = 1} (OTTT test readout), {@code weighted-rate} has DSR's
 * {@code a_t = w_t/Σw} with {@code w_t = exp(−(T − t)·Δt/τ)}, so the last step weighs most.
 *
 * <p>Because the classifier is linear, the readout of its outputs equals the classifier applied
 * to the readout of its inputs; networks use that to run the classifier on B rows instead of T·B.
 */
public final class Readout {
    private final String kind;
    private final double[] coefficients;

    private Readout(String kind, double[] coefficients) {
        this.kind = kind;
        this.coefficients = coefficients;
    }

    /** {@code a_t = 1/T}. */
    public static Readout mean(int timesteps) {
        double[] a = new double[timesteps];
        java.util.Arrays.fill(a, 1.0 / timesteps);
        return new Readout("mean", a);
    }

    /** {@code a_t = 1}. */
    public static Readout sum(int timesteps) {
        double[] a = new double[timesteps];
        java.util.Arrays.fill(a, 1.0);
        return new Readout("sum", a);
    }

    /** DSR's weighted firing rate with membrane time constant {@code tau} and step {@code dt}. */
    public static Readout weightedRate(int timesteps, double tau, double dt) {
        double[] w = new double[timesteps];
        double total = 0;
        for (int t = 1; t <= timesteps; t++) {
            w[t - 1] = Math.exp(-(timesteps * dt - t * dt) / tau);
            total += w[t - 1];
        }
        for (int t = 0; t < timesteps; t++) {
            w[t] /= total;
        }
        return new Readout("weighted-rate", w);
    }

    /** The config name of this readout. */
    public String kind() {
        return kind;
    }

    public int timesteps() {
        return coefficients.length;
    }

    /** The weight of step t (0-based). */
    public double coefficient(int t) {
        return coefficients[t];
    }

    /** {@code Σ_t a_t}: the factor a classifier bias gets under this readout. */
    public double coefficientSum() {
        double s = 0;
        for (double a : coefficients) {
            s += a;
        }
        return s;
    }

    /** {@code Σ_t a_t·c_t} for another step weighting c (DSR's gradient needs it). */
    public double dot(Readout other) {
        double s = 0;
        for (int t = 0; t < coefficients.length; t++) {
            s += coefficients[t] * other.coefficients[t];
        }
        return s;
    }

    /** {@code Σ_t a_t·steps[t]} for per-step tensors of equal shape. */
    public NDArray apply(List<NDArray> steps, Constants c) {
        if (steps.size() != coefficients.length) {
            throw new IllegalArgumentException("readout over " + coefficients.length
                    + " steps applied to " + steps.size());
        }
        if (steps.size() == 1) {
            return steps.get(0).mul(c.of(coefficients[0]));
        }
        return applyStacked(NDArrays.stack(new NDList(steps)), c);
    }

    /** {@code Σ_t a_t·x[t]} for the steps stacked along a leading axis, {@code x [T, …]}; the same as {@link #apply}. */
    public NDArray applyStacked(NDArray stacked, Constants c) {
        long t = stacked.getShape().get(0);
        if (t != coefficients.length) {
            throw new IllegalArgumentException("readout over " + coefficients.length + " steps applied to " + t);
        }
        if (t == 1) {
            return stacked.get(0).mul(c.of(coefficients[0]));
        }
        if (kind.equals("sum")) {
            return stacked.sum(new int[] {0});
        }
        return stacked.mul(c.tensor(coefficients, stepShape(stacked.getShape().dimension()))).sum(new int[] {0});
    }

    /**
     * {@code Σ_t a_t·x} for the same tensor at each of {@code steps} steps (a direct-encoded input): the products
     * {@code a_t·x} are formed by broadcasting instead of from T copies into a fresh {@code [T, …]} tensor, summed as
     * {@link #apply} sums, so the result equals {@link #apply} on {@code steps} copies of x bit for bit.
     */
    public NDArray applyConstant(NDArray x, int steps, Constants c) {
        if (steps != coefficients.length) {
            throw new IllegalArgumentException("readout over " + coefficients.length
                    + " steps applied to " + steps);
        }
        if (steps == 1 || kind.equals("sum")) {
            // a plain sum has no products to broadcast; summing a broadcast view could reduce in another order
            return apply(java.util.Collections.nCopies(steps, x), c);
        }
        return x.expandDims(0).mul(c.tensor(coefficients, stepShape(x.getShape().dimension() + 1)))
                .sum(new int[] {0});
    }

    private long[] stepShape(int dimension) {
        long[] shape = new long[dimension];
        java.util.Arrays.fill(shape, 1);
        shape[0] = coefficients.length;
        return shape;
    }

    /** Readouts are equal when they have the same kind and step weights. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Readout r && kind.equals(r.kind) && java.util.Arrays.equals(coefficients, r.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + java.util.Arrays.hashCode(coefficients);
    }
}
