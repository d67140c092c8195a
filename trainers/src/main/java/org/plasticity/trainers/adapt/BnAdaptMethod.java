package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.BatchNormLayer;
import org.plasticity.core.layer.Mode;
import org.plasticity.core.net.Network;
import org.plasticity.trainers.config.BnAdaptation;

/**
 * BatchNorm adaptation: every BatchNorm normalises with the test batch's statistics, mixed with the source's by α
 * ({@code μ = (1 − α)·μ_src + α·μ_B}); the running statistics and every parameter stay as the source left them, so
 * a batch's predictions depend on that batch alone.
 */
final class BnAdaptMethod implements AdaptationMethod {
    private final Network network;
    private final int head;
    private final java.util.List<BatchNormLayer> layers;

    BnAdaptMethod(AdaptationContext context, BnAdaptation config) {
        this.network = context.network();
        this.head = context.head();
        this.layers = BatchNorms.of(network);
        layers.forEach(bn -> bn.setAdaptationMix(config.alpha()));
        network.setMode(Mode.ADAPT);
    }

    @Override
    public NDArray adapt(NDArray x) {
        return AdaptationMethod.predict(network, head, x);
    }

    @Override
    public void reset() {
    }

    @Override
    public void close() {
        layers.forEach(bn -> bn.setAdaptationMix(1.0));
    }
}
