package org.plasticity.trainers.continual;

import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.core.tensor.TorchRuntime;

/**
 * Runs the mini-batches of one epoch, the one batch loop that the task loop, memory replay and the
 * benchmark share: for each batch, its samples, the engine reseeded from the batch's position (so a
 * resumed run draws the same numbers), the {@link TrainingStep} in its own step scope, then the
 * listener. What differs between the users — which samples, which seeds, the loss normalisation,
 * what happens after a step — is the {@link Plan} and the {@link Listener}.
 */
final class EpochRunner {
    /** What one epoch trains on. */
    interface Plan {
        /** Number of batches in the epoch. */
        int batches();

        /** Where the loop stands at batch {@code b} (handed to the plug-ins). */
        StepContext context(int b);

        /** The global sample indices of batch {@code b} (its own samples, then any the plug-ins add). */
        int[] members(int b, StepContext context);

        /** The seed of the engine's random stream for batch {@code b}. */
        long engineSeed(int b);

        /** What the summed loss of batch {@code b} is divided by (default: its number of samples). */
        default double lossDenominator(int b, int[] members) {
            return members.length;
        }
    }

    /** Told after every step. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param b the batch just trained
         * @param members its samples
         * @param loss its loss, NaN when it was skipped as non-finite
         */
        void afterStep(int b, int[] members, float loss);
    }

    private final TrainingStep step;
    private final BatchAssembler assembler;

    EpochRunner(TrainingStep step, BatchAssembler assembler) {
        this.step = step;
        this.assembler = assembler;
    }

    /** Trains batches {@code from .. plan.batches()-1} of the epoch. */
    void run(Plan plan, int from, Optimizer optimizer, Listener listener) {
        for (int b = from; b < plan.batches(); b++) {
            StepContext context = plan.context(b);
            int[] members = plan.members(b, context);
            TorchRuntime.reseed(plan.engineSeed(b));
            float loss;
            try (StepScope scope = StepScope.open()) {
                loss = step.run(assembler.assemble(members, 0, members.length), optimizer, context,
                        plan.lossDenominator(b, members));
            }
            listener.afterStep(b, members, loss);
        }
    }
}
