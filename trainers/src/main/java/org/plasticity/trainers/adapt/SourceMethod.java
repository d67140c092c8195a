package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.Mode;
import org.plasticity.core.net.Network;

/** No adaptation: the source model in evaluation mode, BatchNorm with the source's running statistics. */
final class SourceMethod implements AdaptationMethod {
    private final Network network;
    private final int head;

    SourceMethod(AdaptationContext context) {
        this.network = context.network();
        this.head = context.head();
        network.setMode(Mode.EVAL);
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
    }
}
