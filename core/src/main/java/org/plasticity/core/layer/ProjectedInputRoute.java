package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

import java.util.function.UnaryOperator;

/**
 * An error route whose weight gradient is formed from projected input rows: value and input gradient are those of
 * the wrapped route, the weight gradient is {@code gᵀ·P(x)} instead of {@code gᵀ·x}. With
 * {@code P(x) = x − (x·Bᵀ)·B} this is the projected gradient {@code G − (G·Bᵀ)·B} of HLOP and GPM (hlop.md §2.5),
 * formed on the R rows the graph holds rather than on the {@code [out, in]} gradient, which is cheaper whenever
 * R is small against {@code out} (DSR's B-row sums).
 *
 * <p>Without a custom backward it is the composition
 * {@code route(x, sg(W), b) + (z − sg(z))} with {@code z = op(sg(P(x)), W)}: the bracket is exactly zero in value
 * and gives W its gradient from P(x); the route, given a detached W, still sends its error to x. OTTT's layer takes
 * its weight gradient from the presynaptic trace, so there the trace is projected and nothing is added.
 * Valid for ops whose input rows are the rows of the weight gradient (linear layers, not convolutions).
 */
public final class ProjectedInputRoute extends ErrorRoute {
    private final ErrorRoute inner;
    private final UnaryOperator<NDArray> projection;

    /**
     * @param inner the route that sends the error to the input
     * @param projection {@code P}, applied to the rows {@code [R, in]} as the layer received them (the same tensor,
     *     so that a caller can recognise them); its result is detached here, and it must not record a graph itself
     *     ({@code GradientProjector.projectRows} detaches its input)
     */
    public ProjectedInputRoute(ErrorRoute inner, UnaryOperator<NDArray> projection) {
        this.inner = inner;
        this.projection = projection;
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
        NDArray value = inner.apply(x, weight.stopGradient(), bias, op);
        NDArray z = op.apply(projection.apply(x).stopGradient(), weight, null);
        return value.add(z.sub(z.stopGradient()));
    }

    @Override
    public NDArray applyWithTrace(NDArray x, NDArray trace, NDArray weight, NDArray bias, WeightOp op) {
        return inner.applyWithTrace(x, projection.apply(trace.stopGradient()), weight, bias, op);
    }

    @Override
    public NDArray feedback(NDArray weight) {
        return inner.feedback(weight);
    }
}
