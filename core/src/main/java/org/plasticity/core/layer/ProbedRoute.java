package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An error route that keeps what the per-sample gradients of a weight layer are made of. Each application
 * {@code y = op(x, W, b)} returns {@code y + p} with a zero-valued probe {@code p} that records a gradient, so after
 * the backward pass {@code p.getGradient()} is {@code g = ∂L/∂y}; value and every other gradient are those of the
 * wrapped route ({@code y + 0 = y}). With the detached input kept beside it, the gradient of W for sample i is
 *
 * <pre>  ∂L_i/∂W = Σ_{applications} Σ_{rows r of sample i} g_r·x_rᵀ</pre>
 *
 * over the layer's presynaptic rows ({@link WeightLayer#presynapticRows}): one outer product per sample where the
 * graph holds one row per sample (DSR's B-row sums), a short sum over timesteps or positions otherwise. Per-sample
 * statistics of the gradient (EWC's diagonal Fisher) then need one backward pass per batch instead of one per
 * sample. OTTT's trace-based application is passed through unrecorded and marks the route as {@link #traced()}.
 */
public final class ProbedRoute extends ErrorRoute {
    /**
     * One application of the layer in a forward pass.
     *
     * @param input the detached input {@code [R, ...]} as the layer received it
     * @param bias  the bias tensor the application added (the parameter's own value, or a scaled copy), or null
     * @param probe the zero-valued tensor added to the output; after backward its gradient is {@code ∂L/∂y}
     */
    public record Application(NDArray input, NDArray bias, NDArray probe) {
    }

    private final ErrorRoute inner;
    private final List<Application> applications = new ArrayList<>();
    private boolean traced;

    /** @param inner the layer's route, which keeps sending the error to the input */
    public ProbedRoute(ErrorRoute inner) {
        this.inner = inner;
    }

    /** The wrapped route. */
    public ErrorRoute inner() {
        return inner;
    }

    /** The applications so far, in forward order (their tensors belong to the step that made them). */
    public List<Application> applications() {
        return Collections.unmodifiableList(applications);
    }

    /** Whether an application took its weight gradient from a trace (OTTT), which the probes do not describe. */
    public boolean traced() {
        return traced;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public NDArray apply(NDArray x, NDArray weight, NDArray bias, WeightOp op) {
        NDArray value = inner.apply(x, weight, bias, op);
        NDArray probe = value.zerosLike();
        probe.setRequiresGradient(true);
        applications.add(new Application(x.stopGradient(), bias, probe));
        return value.add(probe);
    }

    @Override
    public NDArray applyWithTrace(NDArray x, NDArray trace, NDArray weight, NDArray bias, WeightOp op,
                                  TraceWeightGradient weightGradient) {
        traced = true;
        return inner.applyWithTrace(x, trace, weight, bias, op, weightGradient);
    }

    @Override
    public void completeGradients() {
        inner.completeGradients();
    }

    @Override
    public NDArray feedback(NDArray weight) {
        return inner.feedback(weight);
    }
}
