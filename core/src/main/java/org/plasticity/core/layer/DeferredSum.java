package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.net.Readout;
import org.plasticity.core.neuron.DsrLif;

/**
 * A signal over T steps kept as how it was made — DSR neuron outputs, then {@link TimeLinear}
 * layers and residual sums — so that a consumer can ask for its differentiable weighted sum over
 * time {@code Σ_t b_t·x_t} on B rows. A DSR output's sum {@code sg(Σ_t b_t·O_t − k·F) + k·F} with
 * {@code k = Σ_t b_t·c_t} carries DSR's rate gradient (hlop.md §1.1); a time-linear layer maps a sum
 * to a sum; plain tensors (static, or time-major with their graph) may join in a residual sum. Valid
 * for consumers whose input gradient is the same at every step up to the weights b: DSR neurons
 * ({@code b_t = 1}) and the readout ({@code b_t = a_t}).
 *
 * <p>Each node remembers its last result, so a sum shared by several consumers of one forward pass
 * (a residual stream) is built once; the nodes live as long as the pass.
 */
public final class DeferredSum {
    /** How a node computes its sum from its inputs' sums. */
    @FunctionalInterface
    private interface Rule {
        NDArray compute(Readout weights, ForwardContext context);
    }

    private final Rule rule;
    private Readout lastWeights;
    private NDArray last;

    private DeferredSum(Rule rule) {
        this.rule = rule;
    }

    /** The output of DSR neurons: spikes without graph and the gradient term F. */
    public static DeferredSum ofDsr(DsrLif neuron, DsrLif.Output output) {
        return new DeferredSum((w, c) -> neuron.differentiableSum(output, w));
    }

    /** A plain activity (static or time-major, with its graph) as a term of a sum. */
    public static DeferredSum ofPlain(Activity activity) {
        return activity.isStatic()
                ? new DeferredSum((w, c) -> activity.value().mul(c.constants().of(w.coefficientSum())))
                : new DeferredSum((w, c) -> w.apply(c.steps(activity), c.constants()));
    }

    /** The same signal after one more time-linear layer. */
    public DeferredSum then(TimeLinear layer) {
        return new DeferredSum((w, c) -> layer.applyToSum(weightedSum(w, c), w.coefficientSum(), c));
    }

    /** The sum of two signals (a residual connection). */
    public DeferredSum plus(DeferredSum other) {
        return new DeferredSum((w, c) -> weightedSum(w, c).add(other.weightedSum(w, c)));
    }

    /**
     * {@code Σ_t b_t·x_t} on B rows, with the graph to every parameter and DSR term it depends on.
     * Asked again with the same weights object, it returns the same tensor.
     */
    public NDArray weightedSum(Readout weights, ForwardContext context) {
        if (weights != lastWeights) {
            last = rule.compute(weights, context);
            lastWeights = weights;
        }
        return last;
    }
}
