package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

/**
 * How a layer applied with OTTT's presynaptic trace â ({@link ErrorRoute#applyWithTrace}) receives its weight
 * gradient {@code gᵀ·â} while its value comes from the spikes: through autograd, by the zero-valued bracket
 * {@code sg(â)·Wᵀ − sg(â·Wᵀ)} whose forward product is formed only to be discarded (any weight op), or after the
 * backward pass from a probe's error ({@link DeferredWeightGradient}, linear layers).
 */
@FunctionalInterface
public interface TraceWeightGradient {
    /** Autograd's bracket, for any weight op. */
    TraceWeightGradient AUTOGRAD = (out, trace, weight, op) -> {
        NDArray viaTrace = op.apply(trace.stopGradient(), weight, null);
        return out.add(viaTrace.sub(viaTrace.stopGradient()));
    };

    /**
     * {@code out} with its value unchanged, plus what gives W the gradient {@code gᵀ·trace} of an output gradient g.
     *
     * @param out the layer's value, whose graph sends the error to the input but not to W
     * @param trace the presynaptic trace, the rows the weight gradient is formed from
     * @param weight the weight, recording gradients
     * @param op the layer's product
     */
    NDArray attach(NDArray out, NDArray trace, NDArray weight, WeightOp op);
}
