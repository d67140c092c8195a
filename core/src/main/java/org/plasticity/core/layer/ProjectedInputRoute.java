package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Gradients;

import java.util.function.UnaryOperator;

/**
 * An error route whose weight gradient is formed from projected input rows: value and input gradient are those of
 * the wrapped route, the weight gradient is {@code gᵀ·P(x)} instead of {@code gᵀ·x}. With
 * {@code P(x) = x − (x·Bᵀ)·B} this is the projected gradient {@code G − (G·Bᵀ)·B} of HLOP and GPM (hlop.md §2.5),
 * formed on the R rows the graph holds rather than on the {@code [out, in]} gradient, which is cheaper whenever
 * R is small against {@code out} (DSR's B-row sums, BPTT's T·B rows against 800 outputs).
 *
 * <p>The weight gradient is formed after the backward pass ({@link #completeGradients}, a
 * {@link DeferredWeightGradient}), from the error {@code g = ∂L/∂y} a zero-valued probe on the output receives:
 * each application returns {@code route(x, sg(W), b) + p}, so that autograd sends the error to x through the
 * wrapped route and to the probe, and {@code gᵀ·P(x)} is added to W's gradient then. Autograd alone would need the product
 * {@code P(x)·Wᵀ} in the forward pass only to discard its value ({@code z − sg(z)}): {@code R·in·out}
 * multiply-adds a step for nothing. Constructed with a {@link Measure}, the route also hands it the unprojected
 * gradient G and the removed part {@code G − G' = gᵀ·(x − P(x))} (one more product, in the steps that measure).
 *
 * <p>OTTT's layer takes its weight gradient from the presynaptic trace â, so there the trace is projected, the value
 * comes from the spikes, and the route forms {@code gᵀ·P(â)} the same way (and measures it from
 * {@code gᵀ·(â − P(â))}). Valid for linear layers only (their input rows are the rows of the weight gradient).
 */
public final class ProjectedInputRoute extends ErrorRoute {
    private final ErrorRoute inner;
    private final UnaryOperator<NDArray> projection;
    private final Measure measure;
    /** Per application the projected rows, and with a measure their removed part {@code x − P(x)}. */
    private final DeferredWeightGradient deferred = new DeferredWeightGradient();

    /** What a measuring route hands over of the step's weight gradient. */
    @FunctionalInterface
    public interface Measure {
        /**
         * @param gradient the unprojected weight gradient G of the step
         * @param removed the part the projection takes away, {@code G − G'}
         */
        void accept(NDArray gradient, NDArray removed);
    }

    /**
     * @param inner the route that sends the error to the input
     * @param projection {@code P}, applied to the rows {@code [R, in]} as the layer received them (the same tensor,
     *     so that a caller can recognise them); its result is detached here, and it must not record a graph itself
     *     ({@code GradientProjector.projectRows} detaches its input)
     */
    public ProjectedInputRoute(ErrorRoute inner, UnaryOperator<NDArray> projection) {
        this(inner, projection, null);
    }

    /**
     * @param measure what {@link #completeGradients} hands the step's weight gradient and its removed part to (the
     *     method's meter of the removed fraction), or null not to measure
     */
    public ProjectedInputRoute(ErrorRoute inner, UnaryOperator<NDArray> projection, Measure measure) {
        this.inner = inner;
        this.projection = projection;
        this.measure = measure;
    }

    /** The wrapped route. */
    public ErrorRoute inner() {
        return inner;
    }

    /** The wrapped route of {@code route}, or {@code route} itself when it is not a projected one. */
    public static ErrorRoute unwrap(ErrorRoute route) {
        return route instanceof ProjectedInputRoute p ? p.inner : route;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public NDArray apply(NDArray x, NDArray weight, NDArray bias, WeightOp op) {
        requireLinear(op);
        NDArray value = inner.apply(x, weight.stopGradient(), bias, op);
        if (!Gradients.recording()) {
            return value;
        }
        return attach(value, weight, x.stopGradient(), projection.apply(x).stopGradient());
    }

    /** OTTT: the value from the spikes through the wrapped route, the weight gradient {@code gᵀ·P(â)} after backward. */
    @Override
    public NDArray applyWithTrace(NDArray x, NDArray trace, NDArray weight, NDArray bias, WeightOp op,
                                  TraceWeightGradient weightGradient) {
        requireLinear(op);
        NDArray rows = trace.stopGradient();
        NDArray projected = projection.apply(rows).stopGradient();
        return inner.applyWithTrace(x, projected, weight, bias, op,
                (out, ignored, w, o) -> attach(out, w, rows, projected));
    }

    /** {@code value + p}, keeping the projected rows (and with a measure, the removed part {@code x − P(x)}). */
    private NDArray attach(NDArray value, NDArray weight, NDArray rows, NDArray projected) {
        return measure == null ? deferred.attach(value, weight, projected)
                : deferred.attach(value, weight, projected, rows.sub(projected));
    }

    private static void requireLinear(WeightOp op) {
        if (op != WeightOp.LINEAR) {
            throw new IllegalArgumentException("input rows are projected for linear layers only");
        }
    }

    /**
     * Adds {@code Σ gᵀ·P(x)} over the applications since the last call to the weight's gradient, and hands the
     * unprojected gradient and its removed part to the route's {@link Measure}, if any.
     */
    @Override
    public void completeGradients() {
        DeferredWeightGradient.Products p = deferred.take();
        if (p != null) {
            NDArray projectedGradient = p.sums()[0];
            if (measure != null) {
                measure.accept(projectedGradient.add(p.sums()[1]), p.sums()[1]);
            }
            Gradients.accumulate(p.weight(), projectedGradient);
        }
        inner.completeGradients();
    }

    @Override
    public NDArray feedback(NDArray weight) {
        return inner.feedback(weight);
    }
}
