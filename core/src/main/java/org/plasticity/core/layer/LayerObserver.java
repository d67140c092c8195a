package org.plasticity.core.layer;

/** Receives each weight layer's presynaptic activity during a training forward pass. */
@FunctionalInterface
public interface LayerObserver {
    /** An observer that ignores everything. */
    LayerObserver NONE = input -> { };

    void onInput(LayerInput input);
}
