package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.net.Network;
import org.plasticity.core.net.OnlineForward;

/**
 * Cross-entropy with the labels, each sample scored by its own head:
 * {@code L = scale · Σ_b log softmax(z_b)[y_b]} (with {@code scale = −1/B} the mean cross-entropy).
 */
public final class LabelCrossEntropy implements Objective {
    @Override
    public NDArray loss(Network network, NDArray features, Batch batch, double scale) {
        NDArray total = null;
        for (Batch.HeadTarget target : batch.targets()) {
            NDArray picked = network.logits(features, target.head()).logSoftmax(1).mul(target.oneHot()).sum();
            total = total == null ? picked : total.add(picked);
        }
        return total.mul(network.constants().of(scale));
    }

    @Override
    public NDArray stepLoss(Network network, OnlineForward.StepOutput output, Batch batch, double scale) {
        NDArray total = null;
        for (Batch.HeadTarget target : batch.targets()) {
            NDArray picked = network.stepLogits(output, target.head()).logSoftmax(1).mul(target.oneHot()).sum();
            total = total == null ? picked : total.add(picked);
        }
        return total.mul(network.constants().of(scale));
    }
}
