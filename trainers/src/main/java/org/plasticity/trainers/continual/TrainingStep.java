package org.plasticity.trainers.continual;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import org.plasticity.core.layer.LayerInput;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.net.OnlineForward;
import org.plasticity.core.net.OnlineTraining;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.trainers.DivergenceError;

import java.util.ArrayList;
import java.util.List;

/**
 * One supervised training step, the same for every method: zero gradients, forward with the
 * plug-ins observing, the {@link Objective} (label cross-entropy) plus the plug-ins' extra losses,
 * backward, the plug-ins' gradient edits, the optimizer update, the network's constraints, the
 * plug-ins' after-step work. From the loss on, hooks see the batch and the network's output in their
 * {@link StepContext}.
 * With an online (OTTT) network the forward and backward repeat per timestep before the update.
 * The caller opens the step scope around it.
 */
public final class TrainingStep {
    private final Network network;
    private final List<ContinualPlugin> plugins;
    private final boolean skipNonFinite;
    private final boolean onlineUpdate;
    private final Objective objective;

    /**
     * @param network the network
     * @param plugins the method's plug-ins, in hook order
     * @param skipNonFinite skip a batch whose loss or gradient is not finite instead of stopping
     */
    public TrainingStep(Network network, List<ContinualPlugin> plugins, boolean skipNonFinite) {
        this(network, plugins, skipNonFinite, false);
    }

    /**
     * @param onlineUpdate OTTT: update after every timestep instead of once per batch
     */
    public TrainingStep(Network network, List<ContinualPlugin> plugins, boolean skipNonFinite,
                        boolean onlineUpdate) {
        this(network, plugins, skipNonFinite, onlineUpdate, new LabelCrossEntropy());
    }

    /**
     * @param objective what the step minimises (label cross-entropy for training)
     */
    public TrainingStep(Network network, List<ContinualPlugin> plugins, boolean skipNonFinite,
                        boolean onlineUpdate, Objective objective) {
        this.objective = objective;
        this.network = network;
        this.plugins = List.copyOf(plugins);
        this.skipNonFinite = skipNonFinite;
        this.onlineUpdate = onlineUpdate;
    }

    /**
     * Runs the step with the loss averaged over the batch, reading its loss at once.
     *
     * @return the loss of the batch (cross-entropy plus extra terms), or NaN when the batch was
     *     skipped because its loss or gradient was not finite
     * @throws DivergenceError when the loss or a gradient is not finite and skipping is off
     */
    public float run(Batch batch, Optimizer optimizer, StepContext context) {
        return run(batch, optimizer, context, batch.size());
    }

    /**
     * Runs the step with the cross-entropy summed over the batch and divided by
     * {@code lossDenominator} (memory replay sums the per-task means of equal chunks), reading its
     * loss and gradient check at once (a device sync) before the update.
     *
     * @return as {@link #run(Batch, Optimizer, StepContext)}
     */
    public float run(Batch batch, Optimizer optimizer, StepContext context, double lossDenominator) {
        OnlineTraining online = network.online();
        if (online != null && onlineUpdate) {
            zeroGradients();
            return runOnlineUpdates(online, batch, optimizer, context, lossDenominator, null);
        }
        StepContext[] withOutputs = {context};
        float loss = lossAndGradients(batch, context, lossDenominator, withOutputs).getFloat();
        return checkedUpdate(loss, optimizer, withOutputs[0]) ? loss : Float.NaN;
    }

    /**
     * Runs the step without reading anything from the device: its loss and gradient total go to
     * {@code window}, and the update follows unchecked; whoever reads the window checks them
     * ({@link #requireFinite}). Only for {@code onNonFinite=stop}: skipping must be decided before the
     * update.
     */
    void run(Batch batch, Optimizer optimizer, StepContext context, double lossDenominator, LossWindow window) {
        if (skipNonFinite) {
            throw new IllegalStateException("skipping non-finite batches needs the loss before the update");
        }
        OnlineTraining online = network.online();
        if (online != null && onlineUpdate) {
            zeroGradients();
            runOnlineUpdates(online, batch, optimizer, context, lossDenominator, window);
            return;
        }
        StepContext[] withOutputs = {context};
        NDArray loss = lossAndGradients(batch, context, lossDenominator, withOutputs);
        window.record(loss, gradientTotal());
        update(optimizer, withOutputs[0]);
    }

    /** Whether this step reads its loss before every update ({@code onNonFinite=skip}). */
    boolean checksBeforeUpdate() {
        return skipNonFinite;
    }

    /**
     * Zeroes the gradients, then runs the forward and backward passes only: afterwards every
     * trainable parameter holds the gradient of the batch loss (cross-entropy summed over the batch
     * and divided by {@code lossDenominator}, plus the plug-ins' extra terms). With an online
     * (OTTT) network the per-timestep gradients are accumulated.
     *
     * @return the loss
     */
    public float gradients(Batch batch, StepContext context, double lossDenominator) {
        return lossAndGradients(batch, context, lossDenominator, new StepContext[1]).getFloat();
    }

    /**
     * As {@link #gradients(Batch, StepContext, double)}, with the 0-d loss left on the device;
     * {@code outputs[0]} receives the context with the outputs.
     */
    private NDArray lossAndGradients(Batch batch, StepContext context, double lossDenominator,
                                     StepContext[] outputs) {
        zeroGradients();
        LayerObserver observer = observer(context);
        OnlineTraining online = network.online();
        if (online != null) {
            OnlineTraining.Run run = online.begin(batch.x());
            int steps = network.timesteps();
            NDArray total = network.constants().of(0);
            StepContext withBatch = context.withOutputs(batch, null);
            for (int t = 0; t < steps; t++) {
                total = total.add(onlineStepBackward(run, batch, withBatch, observer, lossDenominator).stopGradient());
            }
            outputs[0] = withBatch;
            return total;
        }
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray features = network.features(batch.x(), observer);
            StepContext withOutputs = context.withOutputs(batch, features);
            outputs[0] = withOutputs;
            loss = withExtraLoss(objective.loss(network, features, batch, -1.0 / lossDenominator), withOutputs, 1.0);
            collector.backward(loss);
            network.completeGradients();
        }
        return loss;
    }

    private void zeroGradients() {
        for (Param p : network.parameters()) {
            p.zeroGradient();
        }
    }

    /**
     * OTTT with {@code onlineUpdate}: one forward, backward and update per timestep. Without a window
     * each timestep is checked before its update; with one, the summed loss and the sum of
     * {@code 0·total_t} (finite exactly when every timestep's gradient total is) go to it.
     */
    private float runOnlineUpdates(OnlineTraining online, Batch batch, Optimizer optimizer, StepContext context,
                                   double lossDenominator, LossWindow window) {
        LayerObserver observer = observer(context);
        int steps = network.timesteps();
        OnlineTraining.Run run = online.begin(batch.x());
        context = context.withOutputs(batch, null);
        NDArray zero = network.constants().of(0);
        NDArray lossSum = zero;
        NDArray check = zero;
        float total = 0;
        boolean skippedAny = false;
        for (int t = 0; t < steps; t++) {
            NDArray loss = onlineStepBackward(run, batch, context, observer, lossDenominator);
            if (window == null) {
                float value = loss.getFloat();
                total += value;
                skippedAny |= !checkedUpdate(value, optimizer, context);
            } else {
                lossSum = lossSum.add(loss.stopGradient());
                check = check.add(gradientTotal().mul(zero));
                update(optimizer, context);
            }
            zeroGradients();
        }
        if (window != null) {
            window.record(lossSum, check);
        }
        return skippedAny ? Float.NaN : total;
    }

    /** OTTT: one timestep's forward and backward with loss CE/T, adding to the gradients. */
    private NDArray onlineStepBackward(OnlineTraining.Run run, Batch batch, StepContext context,
                                       LayerObserver observer, double lossDenominator) {
        int steps = network.timesteps();
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            OnlineForward.StepOutput out = run.next(observer);
            loss = withExtraLoss(objective.stepLoss(network, out, batch, -1.0 / (lossDenominator * steps)), context,
                    1.0 / steps);
            collector.backward(loss);
            network.completeGradients();
        }
        return loss;
    }

    private NDArray withExtraLoss(NDArray loss, StepContext context, double weight) {
        for (ContinualPlugin plugin : plugins) {
            NDArray extra = plugin.extraLoss(context);
            if (extra != null) {
                loss = loss.add(weight == 1.0 ? extra : extra.mul(network.constants().of(weight)));
            }
        }
        return loss;
    }

    /**
     * Checks the loss and gradients on the host, then updates.
     *
     * @return false when the batch was skipped for a non-finite loss or gradient
     */
    private boolean checkedUpdate(float loss, Optimizer optimizer, StepContext context) {
        if (!Float.isFinite(loss) || !gradientsFinite()) {
            if (skipNonFinite) {
                network.parameters().forEach(Param::zeroGradient);
                return false;
            }
            throw divergence(loss, context);
        }
        update(optimizer, context);
        return true;
    }

    /**
     * The plug-ins' gradient edits, the optimizer update, the network's constraints and the
     * plug-ins' after-step work.
     */
    private void update(Optimizer optimizer, StepContext context) {
        for (ContinualPlugin plugin : plugins) {
            plugin.afterBackward(context);
        }
        optimizer.step();
        network.afterUpdate();
        for (ContinualPlugin plugin : plugins) {
            plugin.afterStep(context);
        }
    }

    /**
     * Stops the run when a step's loss or gradient total, read from a {@link LossWindow}, is not
     * finite: the same test and message as a step that reads at once.
     *
     * @throws DivergenceError naming the step's position
     */
    static void requireFinite(float loss, float gradientTotal, StepContext context) {
        if (!Float.isFinite(loss) || !Float.isFinite(gradientTotal)) {
            throw divergence(loss, context);
        }
    }

    private static DivergenceError divergence(float loss, StepContext context) {
        return new DivergenceError(String.format(java.util.Locale.ROOT,
                "the %s became %s at task %d, epoch %d, step %d; the run stopped (its last checkpoint is "
                        + "intact). Lower training.optimizer.lr, or set training.onNonFinite=skip to skip such batches",
                Float.isFinite(loss) ? "gradient" : "loss", Float.isFinite(loss) ? "non-finite" : loss,
                context.task().index(), context.epoch(), context.step()));
    }

    /** One sum over every gradient: NaN or infinite exactly when some element is (read at once). */
    private boolean gradientsFinite() {
        return Float.isFinite(gradientTotal().getFloat());
    }

    /** The 0-d sum of every gradient's sum, on the device; a zero constant when no parameter has one. */
    private NDArray gradientTotal() {
        NDArray total = null;
        for (Param p : network.parameters()) {
            NDArray g = p.gradient();
            if (g != null) {
                NDArray s = g.sum();
                total = total == null ? s : total.add(s);
            }
        }
        return total == null ? network.constants().of(0) : total;
    }

    /** Tells the plug-ins a step's forward pass starts ({@link ContinualPlugin#beforeForward}), then joins their observers. */
    private LayerObserver observer(StepContext context) {
        plugins.forEach(p -> p.beforeForward(context));
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
