package org.plasticity.trainers.continual;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import org.plasticity.core.net.LayerInput;
import org.plasticity.core.net.LayerObserver;
import org.plasticity.core.net.Param;
import org.plasticity.core.net.SpikingMlp;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.trainers.DivergenceError;

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
    private final boolean skipNonFinite;

    /**
     * @param network the network
     * @param plugins the method's plug-ins, in hook order
     * @param skipNonFinite skip a batch whose loss or gradient is not finite instead of stopping
     */
    public TrainingStep(SpikingMlp network, List<ContinualPlugin> plugins, boolean skipNonFinite) {
        this.network = network;
        this.plugins = List.copyOf(plugins);
        this.skipNonFinite = skipNonFinite;
    }

    /**
     * Runs the step.
     *
     * @return the loss of the batch (cross-entropy plus extra terms), or NaN when the batch was
     *     skipped because its loss or gradient was not finite
     * @throws DivergenceError when the loss or a gradient is not finite and skipping is off
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
        float value = loss.getFloat();
        if (!Float.isFinite(value) || !gradientsFinite()) {
            if (skipNonFinite) {
                network.parameters().forEach(Param::zeroGradient);
                return Float.NaN;
            }
            throw new DivergenceError(String.format(java.util.Locale.ROOT,
                    "the %s became %s at task %d, epoch %d, step %d; the run stopped (its last checkpoint is "
                            + "intact). Lower training.optimizer.lr, or set training.onNonFinite=skip to skip such batches",
                    Float.isFinite(value) ? "gradient" : "loss", Float.isFinite(value) ? "non-finite" : value,
                    context.task().index(), context.epoch(), context.step()));
        }
        for (ContinualPlugin plugin : plugins) {
            plugin.afterBackward(context);
        }
        optimizer.step();
        network.afterUpdate();
        for (ContinualPlugin plugin : plugins) {
            plugin.afterStep(context);
        }
        return value;
    }

    /** One sum over every gradient: NaN or infinite exactly when some element is. */
    private boolean gradientsFinite() {
        NDArray total = null;
        for (Param p : network.parameters()) {
            NDArray g = p.gradient();
            if (g != null) {
                NDArray s = g.sum();
                total = total == null ? s : total.add(s);
            }
        }
        return total == null || Float.isFinite(total.getFloat());
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
