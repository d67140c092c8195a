package org.plasticity.core.net;

import org.plasticity.core.layer.Layer;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.UnitGates;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The layers of one kind of network (a spiking CNN, a pre-activation ResNet-18 …), built into a
 * {@link LayeredNetwork}. Adding an architecture is one implementation of this plus one
 * registration in the trainers' network registry.
 */
public interface Architecture {
    /**
     * The built layers.
     *
     * @param inputShape the per-sample input shape {@code [C, H, W]}
     * @param body the layers before the heads, ending with the classifier's input {@code [F]}
     * @param heads the linear heads, one shared or one per task
     * @param gates the unit gates on the body's units and how they are wired ({@link UnitGates#NONE}: none)
     */
    record Parts(long[] inputShape, List<Layer> body, List<LinearLayer> heads, UnitGates gates) {
        /** Parts without gates. */
        public Parts(long[] inputShape, List<Layer> body, List<LinearLayer> heads) {
            this(inputShape, body, heads, UnitGates.NONE);
        }
    }

    /** The per-sample input shape {@code [C, H, W]} the architecture is built for. */
    long[] inputShape();

    /**
     * Builds and initialises the layers, with parameters in the network's manager and initial
     * values drawn from {@code random}.
     */
    Parts build(NetworkContext context, SplittableRandom random);
}
