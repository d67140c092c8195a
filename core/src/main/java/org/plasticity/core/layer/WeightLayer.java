package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

/**
 * A layer with a weight: what continual-learning and plasticity methods (HLOP, GPM, EWC, NHL)
 * need of it, whatever its kind. Its weight gradient is {@code gᵀ·X} over the layer's presynaptic
 * rows X {@code [R, fanIn]} (the input itself for a linear layer, the unfolded patches for a
 * convolution), and its gradient is projected in the 2-D view {@code [outputs, fanIn]}.
 */
public interface WeightLayer extends Layer {
    /** Position among the network's weight layers; {@code LayerInput.layer()} refers to it. */
    int index();

    Param weight();

    /** The bias, or null when the layer has none. */
    Param bias();

    /** Columns of the presynaptic rows: {@code in} for linear, {@code C·k·k} for a convolution. */
    int fanIn();

    /** Output features or channels. */
    int outputs();

    /**
     * The presynaptic rows of a batch of layer inputs {@code [R, ...]} (per-sample shape as this
     * layer receives it): {@code [R, in]} unchanged for linear layers, {@code [R·L, C·k·k]} with
     * one row per output position for a convolution (an exact unfold).
     */
    NDArray presynapticRows(NDArray input);

    /** The layer's product on rows {@code x} (per-sample shape as the layer receives it), with its error route. */
    NDArray apply(NDArray x);

    /**
     * OTTT: the value computed from the spikes {@code x}, the weight gradient taken from their
     * presynaptic trace ({@link ErrorRoute#applyWithTrace}).
     */
    NDArray applyWithTrace(NDArray x, NDArray trace);

    /**
     * After a backward pass: adds to the weight's gradient what was formed outside autograd (the route's,
     * {@link ErrorRoute#completeGradients}, and a linear layer's trace gradient, {@link DeferredWeightGradient}).
     */
    default void completeGradients() {
        errorRoute().completeGradients();
    }

    /** How the layer sends the error to its input. */
    ErrorRoute errorRoute();

    void setErrorRoute(ErrorRoute route);

    /**
     * The scale of sign-symmetric feedback {@code B = sign(W)·scale} (hlop.md §1.4):
     * {@code 1/√in} for linear layers, {@code √(2/(k²·C_out))} for convolutions.
     */
    double signSymmetricScale();
}
