package org.plasticity.trainers.continual;

import org.plasticity.trainers.config.ExperimentConfig;

/**
 * Multiply-adds of the two ways to project a linear layer's weight gradient per training step, to choose the
 * cheaper one ({@link ProjectionSite#AUTO}). On the gradient {@code [out, in]} with M basis rows:
 * {@code 2·out·in·M}. On the R input rows the step's graph holds: {@code 2·R·in·M}, plus one more
 * {@code R·in·out} product where the layer's value must be formed apart from its weight gradient
 * ({@link org.plasticity.core.layer.ProjectedInputRoute}; not where the weight gradient already comes from OTTT's
 * trace).
 *
 * @param rows R: B for DSR (its B-row sums), T·B for BPTT and OTTT
 * @param extraProductOnInputLayer whether the first layer pays the extra product
 * @param extraProductElsewhere whether the other layers do
 */
record ProjectionCost(long rows, boolean extraProductOnInputLayer, boolean extraProductElsewhere) {

    /** The cost model of an experiment's training method, batch size and timesteps. */
    static ProjectionCost of(ExperimentConfig config) {
        return of(config.training().method(), config.training().batchSize(), config.model().timesteps());
    }

    /** The cost model of {@code training.method} at batch size B and T timesteps. */
    static ProjectionCost of(String trainingMethod, int batchSize, int timesteps) {
        return switch (trainingMethod) {
            case "dsr" -> new ProjectionCost(batchSize, true, true);
            case "ottt" -> new ProjectionCost((long) batchSize * timesteps, true, false);
            default -> new ProjectionCost((long) batchSize * timesteps, true, true);
        };
    }

    /** Whether projecting the input rows of weight layer {@code index} costs less than projecting its gradient. */
    boolean inputsCheaper(int index, long out, long in, long basisRows) {
        boolean extra = index == 0 ? extraProductOnInputLayer : extraProductElsewhere;
        double onInputs = 2.0 * rows * in * basisRows + (extra ? (double) rows * in * out : 0);
        double onGradient = 2.0 * out * in * basisRows;
        return onInputs < onGradient;
    }
}
