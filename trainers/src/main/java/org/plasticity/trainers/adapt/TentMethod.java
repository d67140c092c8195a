package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.Mode;
import org.plasticity.trainers.config.TentAdaptation;

/**
 * Tent (Wang et al. 2021, {@code DequanWang/tent}): BatchNorm with test-batch statistics; per batch, the entropy of
 * the predictions is minimised on every BatchNorm's γ and β alone; the batch is scored on the logits of the
 * pre-update forward, as the Tent code returns them. With {@code steps > 1} the further steps reuse the batch.
 */
final class TentMethod implements AdaptationMethod {
    private final EntropyStep step;
    private final int steps;

    TentMethod(AdaptationContext context, TentAdaptation config) {
        context.network().setMode(Mode.ADAPT);
        this.step = new EntropyStep(context.network(), context.head(), BatchNorms.affine(context.network()),
                config.optimizer());
        this.steps = config.steps();
    }

    @Override
    public NDArray adapt(NDArray x) {
        NDArray scored = step.step(x);
        for (int s = 1; s < steps; s++) {
            step.step(x);
        }
        return scored;
    }

    @Override
    public void reset() {
        step.reset();
    }

    @Override
    public void close() {
        step.close();
    }
}
