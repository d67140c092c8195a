package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Gradients;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear layer's weight gradient formed after the backward pass instead of by autograd. Each application adds a
 * zero-valued probe p to an output y, so that autograd delivers {@code g = ∂L/∂y} to p (as {@link ProbedRoute}
 * does), and keeps the rows X the gradient is to be formed from; {@link #complete} then adds
 *
 * <pre>  ΔW = Σ_applications gᵀ·X</pre>
 *
 * to W's gradient: the product autograd forms for {@code y = X·Wᵀ}, on the same operands in the same orientation,
 * so the same bit for bit ({@code ProjectedInputRouteTest}, {@code DeferredWeightGradientTest}). Where y's value is
 * formed from other rows than the gradient's (OTTT's spikes and trace, HLOP's projected rows), autograd needs the
 * product {@code X·Wᵀ} in the forward pass only to discard its value; this spares it. Several row sets may share
 * one application's error (a measured projection forms {@code gᵀ·P(x)} and {@code gᵀ·(x − P(x))}).
 *
 * <p>Its tensors belong to the step that made them; one instance per layer. Not thread-safe.
 */
public final class DeferredWeightGradient implements TraceWeightGradient {
    private record Application(NDArray weight, NDArray probe, NDArray[] rows) {
    }

    /**
     * The products of the applications since the last {@link #take}.
     *
     * @param weight the weight they were applied with
     * @param sums per row set k, {@code Σ gᵀ·X_k} {@code [out, in]}
     */
    public record Products(NDArray weight, NDArray[] sums) {
    }

    private final List<Application> applications = new ArrayList<>();

    /**
     * {@code value + p} with a zero-valued probe p recording a gradient, keeping the rows for {@link #take}.
     *
     * @param value the output {@code [R, out]}
     * @param weight the layer's weight {@code [out, in]}
     * @param rows one or more detached row sets {@code [R, in]}, the same number at every application
     */
    public NDArray attach(NDArray value, NDArray weight, NDArray... rows) {
        if (!applications.isEmpty() && applications.get(0).rows().length != rows.length) {
            throw new IllegalArgumentException(rows.length + " row sets after " + applications.get(0).rows().length);
        }
        NDArray probe = value.zerosLike();
        probe.setRequiresGradient(true);
        applications.add(new Application(weight, probe, rows));
        return value.add(probe);
    }

    /** OTTT's trace: deferred for linear layers, autograd's bracket otherwise. */
    @Override
    public NDArray attach(NDArray out, NDArray trace, NDArray weight, WeightOp op) {
        return op == WeightOp.LINEAR ? attach(out, weight, trace.stopGradient())
                : AUTOGRAD.attach(out, trace, weight, op);
    }

    /**
     * The products {@code Σ gᵀ·X_k} of the applications since the last call, which are forgotten; null when there were
     * none. Call after the backward pass.
     */
    public Products take() {
        if (applications.isEmpty()) {
            return null;
        }
        NDArray weight = applications.get(0).weight();
        NDArray[] sums = new NDArray[applications.get(0).rows().length];
        for (Application a : applications) {
            if (a.weight() != weight) {
                throw new IllegalStateException("one deferred weight gradient applied with two weights");
            }
            NDArray error = a.probe().getGradient().transpose();
            for (int k = 0; k < sums.length; k++) {
                NDArray product = error.matMul(a.rows()[k]);
                sums[k] = sums[k] == null ? product : sums[k].add(product);
            }
        }
        applications.clear();
        return new Products(weight, sums);
    }

    /** Adds the first row set's {@code Σ gᵀ·X} to the weight's gradient, after the backward pass. */
    public void complete() {
        Products p = take();
        if (p != null) {
            Gradients.accumulate(p.weight(), p.sums()[0]);
        }
    }
}
