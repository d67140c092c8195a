package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
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
     * The layer's outputs.
     *
     * @param spikes per-step outputs {@code s·Vth/Δt}, no graph
     * @param gradientTerm the differentiable term F
     */
    public record Output(List<NDArray> spikes, NDArray gradientTerm) {
    }

    /**
     * Runs the layer.
     *
     * @param currents per-step input currents, recording no graph
     * @param currentSum {@code Σ_t I_t} with the graph to the weights
     * @param vth the threshold (a 0-d tensor, possibly trainable)
     */
    public Output run(List<NDArray> currents, NDArray currentSum, NDArray vth) {
        NDArray threshold = vth.stopGradient();
        float beta = (float) Math.exp(-dt / tau);
        NDArray fireAt = threshold.mul(c.of(alpha));
        NDArray amplitude = threshold.mul(c.of(1 / dt));
        List<NDArray> spikes = new ArrayList<>(currents.size());
        NDArray u = null;
        for (NDArray current : currents) {
            // no graph here: each step's temporaries are closed at once, so the loop holds only the
            // membrane and the spikes (T·B·N floats each) instead of every intermediate until the step ends
            NDArray charge = current.mul(c.of(1f - beta));
            NDArray charged;
            if (u == null) {
                charged = charge;
            } else {
                NDArray decayed = u.mul(c.of(beta));
                charged = decayed.add(charge);
                close(decayed, charge, u);
            }
            NDArray fired = charged.gte(fireAt);
            NDArray s = fired.toType(DataType.FLOAT32, false);
            NDArray reset = s.mul(threshold);
            u = charged.sub(reset);
            spikes.add(s.mul(amplitude));
            close(fired, s, reset, charged);
        }
        NDArray a = rate.apply(currents, c);
        NDArray upper = threshold.mul(c.of(tau / dt));
        NDArray mask = a.gt(c.of(0)).logicalAnd(a.lt(upper)).toType(DataType.FLOAT32, false);
        NDArray saturated = a.gt(upper).toType(DataType.FLOAT32, false);
        NDArray term = currentSum.mul(mask).mul(c.of(1 / tau))
                .add(saturated.mul(vth).mul(c.of(currents.size() * dt)));
        return new Output(spikes, term);
    }

    private static void close(NDArray... temporaries) {
        for (NDArray t : temporaries) {
            t.close();
        }
    }

    /**
     * {@code sg(Σ_t b_t O_t − k·F) + k·F}: the outputs summed with the consumer's step weights b,
     * carrying DSR's gradient.
     */
    public NDArray differentiableSum(Output output, Readout consumer) {
        NDArray value = consumer.apply(output.spikes(), c);
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
}
