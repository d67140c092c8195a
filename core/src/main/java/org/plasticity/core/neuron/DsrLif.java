package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.net.Readout;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer of DSR leaky integrate-and-fire neurons (differentiation on spike representation,
 * hlop.md §1.1). Forward, exactly as the reference: {@code U ← βU + (1−β)I_t} with
 * {@code β = exp(−Δt/τ)}; fire when {@code U ≥ α·Vth}; reset by subtraction of {@code Vth}; output
 * {@code s·Vth/Δt}. The forward loop records no graph.
 *
 * <p>Backward, DSR's rate gradient, without a custom autograd function: the layer returns a
 * differentiable term {@code F = mask ⊙ (Σ_t I_t)/τ + T·Δt·Vth·sat}, where {@code a = wfr(I)},
 * {@code mask = 0 < a < Vth·τ/Δt} and {@code sat = a > Vth·τ/Δt}. A consumer that sums the outputs
 * with step weights {@code b_t} uses {@code sg(Σ b_t O_t − k·F) + k·F} with
 * {@code k = Σ_t b_t·c_t} (c = the weighted-rate weights). Its value is the true sum, and its
 * gradient gives exactly {@code ∂L/∂I_t = mask·G/(τT)} for every t and
 * {@code ∂L/∂Vth = Δt·Σ_sat G} with {@code G = T·wfr(g)}, the reference's {@code lif_grad}.
 */
public final class DsrLif {
    private final double tau;
    private final double dt;
    private final double alpha;
    private final Readout rate;
    private final Constants c;

    /**
     * @param tau membrane time constant τ
     * @param dt step Δt
     * @param alpha firing-threshold scale (fires at α·Vth)
     * @param rate the weighted-rate readout over the same T
     * @param constants kept scalars
     */
    public DsrLif(double tau, double dt, double alpha, Readout rate, Constants constants) {
        this.tau = tau;
        this.dt = dt;
        this.alpha = alpha;
        this.rate = rate;
        this.c = constants;
    }

    /**
     * The layer's outputs over T steps.
     *
     * <p>The spikes {@code s·Vth/Δt} are kept as one tensor {@code [T, B, …]} (no graph), made once from the
     * simulation; per-step views and weighted sums over time are made on request, a weighted sum once per
     * readout (two readouts with the same weights share it).
     */
    public static final class Output {
        private final NDArray stacked;
        private final NDArray gradientTerm;
        private List<NDArray> steps;
        private Readout lastReadout;
        private NDArray lastSum;

        Output(NDArray stacked, NDArray gradientTerm) {
            this.stacked = stacked;
            this.gradientTerm = gradientTerm;
        }

        /** The spikes {@code [T, B, …]}, no graph. */
        public NDArray stacked() {
            return stacked;
        }

        /** The spikes as one time-major tensor {@code [T·B, …]} (a view of {@link #stacked()}). */
        public NDArray timeMajor() {
            long[] dims = stacked.getShape().getShape();
            long[] shape = new long[dims.length - 1];
            shape[0] = dims[0] * dims[1];
            System.arraycopy(dims, 2, shape, 1, dims.length - 2);
            return stacked.reshape(new Shape(shape));
        }

        /** The spikes of each step {@code [B, …]} (views of {@link #stacked()}). */
        public List<NDArray> spikes() {
            if (steps == null) {
                int t = (int) stacked.getShape().get(0);
                steps = new ArrayList<>(t);
                for (int i = 0; i < t; i++) {
                    steps.add(stacked.get(i));
                }
            }
            return steps;
        }

        /** The differentiable term F, or null when the layer ran without recording gradients. */
        public NDArray gradientTerm() {
            return gradientTerm;
        }

        /** {@code Σ_t b_t·O_t} for the readout's weights b, no graph; computed once per distinct readout. */
        public NDArray weightedSum(Readout readout, Constants c) {
            if (!readout.equals(lastReadout)) {
                lastSum = readout.applyStacked(stacked, c);
                lastReadout = readout;
            }
            return lastSum;
        }
    }

    /**
     * Runs the layer on per-step currents.
     *
     * @param currents per-step input currents, recording no graph; the same tensor at every step for a
     *     direct-encoded input (then its charge and weighted rate are formed once)
     * @param currentSum {@code Σ_t I_t} with the graph to the weights, or null where no gradient is wanted (then
     *     the output has no gradient term)
     * @param vth the threshold (a 0-d tensor, possibly trainable)
     */
    public Output run(List<NDArray> currents, NDArray currentSum, NDArray vth) {
        NDArray first = currents.get(0);
        boolean constant = currents.stream().allMatch(x -> x == first);
        NDArray gain = c.of(1f - beta());
        List<NDArray> charges;
        if (constant) {
            charges = java.util.Collections.nCopies(currents.size(), first.mul(gain));
        } else {
            charges = new ArrayList<>(currents.size());
            for (NDArray current : currents) {
                charges.add(current.mul(gain));
            }
        }
        NDArray a = null;
        if (currentSum != null) {
            a = constant ? rate.applyConstant(first, currents.size(), c) : rate.apply(currents, c);
        }
        return simulate(charges, a, currentSum, vth);
    }

    /**
     * Runs the layer on time-major currents {@code [T·B, …]} (step t in rows {@code t·B … (t+1)·B − 1}), as
     * {@link #run(List, NDArray, NDArray)} does on their per-step slices, with the charge and the weighted rate
     * formed on the whole tensor at once.
     */
    public Output run(NDArray timeMajor, int steps, NDArray currentSum, NDArray vth) {
        List<NDArray> charges = timeMajor.mul(c.of(1f - beta())).split(steps, 0).getResourceNDArrays();
        NDArray a = null;
        if (currentSum != null) {
            a = rate.applyStacked(timeMajor.reshape(timeFirst(timeMajor.getShape(), steps)), c);
        }
        return simulate(charges, a, currentSum, vth);
    }

    /** The shape {@code [T, B, …]} of a time-major {@code [T·B, …]} tensor over {@code steps} steps. */
    public static Shape timeFirst(Shape timeMajor, int steps) {
        long[] dims = timeMajor.getShape();
        long[] shape = new long[dims.length + 1];
        shape[0] = steps;
        shape[1] = dims[0] / steps;
        System.arraycopy(dims, 1, shape, 2, dims.length - 1);
        return new Shape(shape);
    }

    private float beta() {
        return (float) Math.exp(-dt / tau);
    }

    /**
     * The simulation from the per-step charges {@code (1−β)·I_t}, in place on the membrane:
     * {@code U ← β·U + charge_t; s = [U ≥ α·Vth]; U ← U − s·Vth}, the step formed in float ({@link Step}).
     */
    private Output simulate(List<NDArray> charges, NDArray a, NDArray currentSum, NDArray vth) {
        NDArray threshold = vth.stopGradient();
        NDArray decay = c.of(beta());
        NDArray fireAt = threshold.mul(c.of(alpha));
        NDArray amplitude = threshold.mul(c.of(1 / dt));
        NDList spikes = new NDList(charges.size());
        NDArray u = null;
        for (NDArray charge : charges) {
            NDArray charged = u == null ? charge : u.muli(decay).addi(charge);
            NDArray s = Step.atLeast(charged, fireAt, c);
            NDArray reset = s.mul(threshold);
            if (u == null) {
                u = charged.sub(reset);
            } else {
                u.subi(reset);
            }
            spikes.add(s.mul(amplitude));
            s.close();
            reset.close();
        }
        u.close();
        NDArray stacked = NDArrays.stack(spikes);
        spikes.close();
        NDArray term = null;
        if (currentSum != null) {
            NDArray upper = threshold.mul(c.of(tau / dt));
            NDArray mask = a.gt(c.of(0)).logicalAnd(a.lt(upper)).toType(DataType.FLOAT32, false);
            NDArray saturated = a.gt(upper).toType(DataType.FLOAT32, false);
            term = currentSum.mul(mask).mul(c.of(1 / tau))
                    .add(saturated.mul(vth).mul(c.of(charges.size() * dt)));
        }
        return new Output(stacked, term);
    }

    /**
     * {@code sg(Σ_t b_t O_t − k·F) + k·F}: the outputs summed with the consumer's step weights b,
     * carrying DSR's gradient; the plain sum {@code Σ_t b_t O_t} when the output has no gradient term.
     */
    public NDArray differentiableSum(Output output, Readout consumer) {
        NDArray value = output.weightedSum(consumer, c);
        if (output.gradientTerm() == null) {
            return value;
        }
        NDArray kf = output.gradientTerm().mul(c.of(consumer.dot(rate)));
        return value.sub(kf).stopGradient().add(kf);
    }

    /**
     * The per-step outputs carrying DSR's gradient, for consumers that are not linear over time
     * (BatchNorm with batch statistics): {@code O'_t = sg(O_t − c_t·F) + c_t·F} with c the
     * weighted-rate weights, so that {@code ∂L/∂I_s = mask·G/(τT)} for upstream gradients g_t of
     * any shape over t (hlop.md §9).
     */
    public List<NDArray> differentiableSteps(Output output) {
        if (output.gradientTerm() == null) {
            return output.spikes();
        }
        List<NDArray> steps = new ArrayList<>(output.spikes().size());
        for (int t = 0; t < output.spikes().size(); t++) {
            NDArray cf = output.gradientTerm().mul(c.of(rate.coefficient(t)));
            steps.add(output.spikes().get(t).sub(cf).stopGradient().add(cf));
        }
        return steps;
    }

    /** The weighted firing rate of per-step tensors, recording no graph. */
    public NDArray weightedRate(List<NDArray> steps) {
        return rate.apply(steps, c);
    }

    /** The weighted firing rate of the layer's output spikes (shared with a readout of the same weights). */
    public NDArray weightedRate(Output output) {
        return output.weightedSum(rate, c);
    }

    /** The weighted-rate readout of this layer's T steps. */
    public Readout rate() {
        return rate;
    }
}
