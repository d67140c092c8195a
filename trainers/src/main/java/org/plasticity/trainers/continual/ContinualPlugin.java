package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.Stateful;
import org.plasticity.trainers.Experiment;

import java.util.Map;

/**
 * A continual-learning method as a plug-in on the one task loop of {@link ContinualTrainer}. Every
 * hook has a no-op default; a method overrides the points it needs and never copies the loop.
 * Plug-ins with state save it into checkpoints ({@link Stateful}); {@link #start} builds it.
 * The order within a training step is: {@link #extraSamples} may add samples to the batch,
 * {@link #beforeForward} sets what the forward pass reads, {@link #observer} sees the forward pass,
 * {@link #extraLoss} adds to the loss, backward runs, {@link #afterBackward} may edit gradients,
 * the optimizer steps, then {@link #afterStep}.
 */
public interface ContinualPlugin extends Stateful {
    /** The name used in method labels (e.g. {@code hlop}). */
    String name();

    /** Once, before the first task of a run or before restoring a checkpoint: build state. */
    default void start(Experiment experiment) {
    }

    /** Stateless plug-ins write nothing. */
    @Override
    default void saveState(Checkpoint checkpoint, String prefix) {
    }

    @Override
    default void restoreState(Checkpoint checkpoint, String prefix) {
    }

    /** Before the task's first training step (grow subspaces, store anchors, …). */
    default void beforeTask(TaskContext context) {
    }

    /** No extra samples. */
    int[] NO_SAMPLES = new int[0];

    /**
     * Samples to add to a training step's batch (experience replay), as indices into
     * {@link TaskContext#samples()}; called once per step before the batch is built.
     *
     * @param batch the indices of the batch's own (new) samples
     */
    default int[] extraSamples(StepContext context, int[] batch) {
        return NO_SAMPLES;
    }

    /**
     * Before a training step's forward pass (once per step, before the first of OTTT's per-timestep passes): set
     * state the pass reads (HAT's gates for the step's task and slope; HLOP's and GPM's projected input routes).
     */
    default void beforeForward(StepContext context) {
    }

    /** Receives each weight layer's presynaptic activity during training forward passes. */
    default LayerObserver observer(StepContext context) {
        return LayerObserver.NONE;
    }

    /** A term added to the loss inside the recorded graph (a regulariser), or null. */
    default NDArray extraLoss(StepContext context) {
        return null;
    }

    /** After backward, before the optimizer step: gradients may be changed in place. */
    default void afterBackward(StepContext context) {
    }

    /** After the optimizer step. */
    default void afterStep(StepContext context) {
    }

    /** After the task's training, before its accuracy row is measured (merge, replay, …). */
    default void afterTask(TaskContext context) {
    }

    /** Before the accuracy on task {@code task}'s test split is measured (HAT selects that task's masks). */
    default void beforeEvaluation(int task) {
    }

    /** What the method reports about the task just trained, for {@code metrics.json}. */
    default Map<String, Object> diagnostics() {
        return Map.of();
    }
}
