package org.plasticity.trainers.continual;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import org.plasticity.core.net.LayerInput;
import org.plasticity.core.net.LayerObserver;
import org.plasticity.core.net.Param;
import org.plasticity.core.net.SpikingMlp;
import org.plasticity.core.optim.Optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * One supervised training step, the same for every method: zero gradients, forward with the
 * plug-ins observing, cross-entropy plus the plug-ins' extra losses, backward, the plug-ins'
 * gradient edits, the optimizer update, the network's constraints, the plug-ins' after-step work.
 * The caller opens the step scope around it.
 */
public final class TrainingStep {
    private final SpikingMlp network;
    private final List<ContinualPlugin> plugins;

    public TrainingStep(SpikingMlp network, List<ContinualPlugin> plugins) {
        this.network = network;
        this.plugins = List.copyOf(plugins);
    }

    /**
     * Runs the step.
     *
     * @return the loss of the batch (cross-entropy plus extra terms)
     */
    public float run(Batch batch, Optimizer optimizer, StepContext context) {
        for (Param p : network.parameters()) {
            p.zeroGradient();
        }
        LayerObserver observer = observer(context);
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray features = network.features(batch.x(), observer);
            loss = crossEntropy(features, batch);
            for (ContinualPlugin plugin : plugins) {
                NDArray extra = plugin.extraLoss(context);
                if (extra != null) {
                    loss = loss.add(extra);
                }
            }
            collector.backward(loss);
        }
        for (ContinualPlugin plugin : plugins) {
            plugin.afterBackward(context);
        }
        optimizer.step();
        network.afterUpdate();
        for (ContinualPlugin plugin : plugins) {
            plugin.afterStep(context);
        }
        return loss.getFloat();
    }

    /** Mean over the batch of −log softmax at the target, each sample scored by its own head. */
    private NDArray crossEntropy(NDArray features, Batch batch) {
        NDArray total = null;
        for (Batch.HeadTarget target : batch.targets()) {
            NDArray logProb = network.logits(features, target.head()).logSoftmax(1);
            NDArray picked = logProb.mul(target.oneHot()).sum();
            total = total == null ? picked : total.add(picked);
        }
        return total.mul(network.constants().of(-1.0 / batch.size()));
    }

    private LayerObserver observer(StepContext context) {
        List<LayerObserver> observers = new ArrayList<>();
        for (ContinualPlugin plugin : plugins) {
            LayerObserver o = plugin.observer(context);
            if (o != LayerObserver.NONE) {
                observers.add(o);
            }
        }
        if (observers.isEmpty()) {
            return LayerObserver.NONE;
        }
        return (LayerInput input) -> observers.forEach(o -> o.onInput(input));
    }
}
