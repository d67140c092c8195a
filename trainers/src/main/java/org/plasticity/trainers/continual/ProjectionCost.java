package org.plasticity.trainers.continual;

import org.plasticity.trainers.config.ExperimentConfig;

/**
 * Multiply-adds of the two ways to project a linear layer's weight gradient per training step, to choose the
 * cheaper one ({@link ProjectionSite#AUTO}). On the gradient {@code [out, in]} with M basis rows:
 * {@code 2·out·in·M}. On the R input rows the step's graph holds: {@code 2·R·in·M}. Nothing is added there:
 * {@link org.plasticity.core.layer.ProjectedInputRoute} forms the weight gradient {@code gᵀ·P(x)} in place of
 * autograd's {@code gᵀ·x}, and OTTT's trace-based layers project the trace their gradient is formed from. So the
 * input rows win exactly when {@code R < out}.
 *
 * @param rows R: B for DSR (its B-row sums), T·B for BPTT and OTTT
 */
record ProjectionCost(long rows) {

    /** The cost model of an experiment's training method, batch size and timesteps. */
    static ProjectionCost of(ExperimentConfig config) {
        return of(config.training().method(), config.training().batchSize(), config.model().timesteps());
    }

    /** The cost model of {@code training.method} at batch size B and T timesteps. */
    static ProjectionCost of(String trainingMethod, int batchSize, int timesteps) {
        return switch (trainingMethod) {
            case "dsr" -> new ProjectionCost(batchSize);
            default -> new ProjectionCost((long) batchSize * timesteps);
        };
    }

    /** Whether projecting the input rows of a weight layer costs less than projecting its gradient. */
    boolean inputsCheaper(long out, long in, long basisRows) {
        return 2.0 * rows * in * basisRows < 2.0 * out * in * basisRows;
    }
}
