package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDManager;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.core.tensor.TorchRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the mini-batches of one epoch, the one batch loop that the task loop, memory replay and the
 * benchmark share: for each batch, its samples, the engine reseeded from the batch's position (so a
 * resumed run draws the same numbers), the {@link TrainingStep} in its own step scope, then the
 * listener. What differs between the users — which samples, which seeds, the loss normalisation,
 * what happens after a step — is the {@link Plan} and the {@link Listener}.
 *
 * <p>The steps' losses stay on the device in a {@link LossWindow} and are read together every
 * {@code syncEvery} steps, when the listener asks (a checkpoint is due, a stop was requested) and at
 * the end of the epoch; then each is checked for finiteness in batch order (a non-finite one stops the
 * run naming its step, before any later checkpoint) and handed to the listener. With
 * {@code onNonFinite=skip} each step reads its own loss before its update.
 */
final class EpochRunner implements AutoCloseable {
    /** What one epoch trains on. */
    interface Plan {
        /** Number of batches in the epoch. */
        int batches();

        /** Where the loop stands at batch {@code b} (handed to the plug-ins). */
        StepContext context(int b);

        /** The own samples of every batch, in batch order (global indices). */
        int[] samples();

        /** Where batch {@code b}'s own samples start in {@link #samples()}; {@code start(batches())} is its length. */
        int start(int b);

        /** Samples the plug-ins add to batch {@code b} after its own (called once per batch). */
        default int[] extras(int b, StepContext context, int[] own) {
            return ContinualPlugin.NO_SAMPLES;
        }

        /** The seed of the engine's random stream for batch {@code b}. */
        long engineSeed(int b);

        /** What the summed loss of batch {@code b} is divided by (default: its number of samples). */
        default double lossDenominator(int b, int[] members) {
            return members.length;
        }
    }

    /** Told about every step: once when it has run, once when its loss is on the host. */
    interface Listener {
        /**
         * Batch {@code b} has trained; its loss may still be on the device.
         *
         * @return true to read the losses now (before the next batch)
         */
        default boolean afterStep(int b, int[] members) {
            return false;
        }

        /**
         * The loss of batch {@code b}, in batch order, once read.
         *
         * @param loss its loss, NaN when it was skipped as non-finite
         */
        default void lossRead(int b, int[] members, float loss) {
        }

        /** After a read, when every batch trained so far has been read: the state a checkpoint may save. */
        default void synced() {
        }
    }

    /** A batch that has trained and whose loss is not read yet. */
    private record Pending(int batch, int[] members, StepContext context, float loss) {
    }

    private final TrainingStep step;
    private final BatchSource batches;
    private final LossWindow window;
    private final List<Pending> pending = new ArrayList<>();

    /**
     * @param syncEvery steps between two reads of the losses, &gt;= 1
     * @param manager a long-lived manager on the training device (for the loss window)
     */
    EpochRunner(TrainingStep step, BatchSource batches, int syncEvery, NDManager manager) {
        this.step = step;
        this.batches = batches;
        this.window = step.checksBeforeUpdate() ? null : new LossWindow(manager, syncEvery);
    }

    /** Trains batches {@code from .. plan.batches()-1} of the epoch. */
    void run(Plan plan, int from, Optimizer optimizer, Listener listener) {
        int[] samples = plan.samples();
        batches.startEpoch(samples);
        for (int b = from; b < plan.batches(); b++) {
            StepContext context = plan.context(b);
            int start = plan.start(b);
            int count = plan.start(b + 1) - start;
            int[] own = java.util.Arrays.copyOfRange(samples, start, start + count);
            int[] extras = plan.extras(b, context, own);
            int[] members = ContinualTrainer.concat(own, extras);
            TorchRuntime.reseed(plan.engineSeed(b));
            float loss = Float.NaN;
            try (StepScope scope = StepScope.open()) {
                Batch batch = batches.batch(start, count, extras);
                double denominator = plan.lossDenominator(b, members);
                if (window == null) {
                    loss = step.run(batch, optimizer, context, denominator);
                } else {
                    step.run(batch, optimizer, context, denominator, window);
                }
            }
            pending.add(new Pending(b, members, context, loss));
            boolean readNow = listener.afterStep(b, members);
            if (window == null || readNow || window.full()) {
                read(listener);
            }
        }
        read(listener);
    }

    /** Reads the pending losses (one copy), checks them in batch order and hands them on. */
    private void read(Listener listener) {
        if (pending.isEmpty()) {
            return;
        }
        float[][] rows = window == null ? null : window.read();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            float loss = p.loss();
            if (rows != null) {
                TrainingStep.requireFinite(rows[i][0], rows[i][1], p.context());
                loss = rows[i][0];
            }
            listener.lossRead(p.batch(), p.members(), loss);
        }
        pending.clear();
        listener.synced();
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
        }
    }
}
