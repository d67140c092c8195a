package org.plasticity.trainers.config;

import java.util.List;

/**
 * Gradient projection memory (GPM, Saha et al. 2021): after each task, every protected layer's basis grows by the
 * principal directions of its input activations (an SVD of {@code samples} training samples' activations) until the
 * basis holds a fraction {@code threshold} of their energy; later tasks' weight gradients are projected orthogonally
 * to the bases, through the same projector HLOP uses.
 *
 * @param threshold energy threshold ε per weight layer (input side first), each in (0, 1]; default [0.95, 0.99, 0.99]
 *                  (GPM's permuted-MNIST setting)
 * @param samples   training samples whose activations form the representation matrix, &gt;= 1; default 300
 * @param thresholdIncrement added to every layer's threshold per task: after task t the bases hold
 *                  {@code min(1, threshold + t·thresholdIncrement)} of the energy (GPM's CIFAR-100 and
 *                  5-Datasets scripts: 0.003 per task); in [0, 1); default 0
 * @param projectOn where the projection is computed, as HLOP's {@code projectOn}: {@code auto}, {@code gradient} or
 *                  {@code inputs}; default {@code auto}
 */
public record GpmConfig(List<Double> threshold, int samples, double thresholdIncrement, String projectOn)
        implements ConfigNode {

    /** GPM's permuted-MNIST settings, used for every key of {@code "gpm": {}}. */
    public static final GpmConfig DEFAULTS = new GpmConfig(List.of(0.95, 0.99, 0.99), 300, 0.0, "auto");

    public GpmConfig {
        threshold = List.copyOf(threshold);
        java.util.Objects.requireNonNull(projectOn, "projectOn");
    }

    @Override
    public void validate(ConfigProblems problems) {
        for (int i = 0; i < threshold.size(); i++) {
            problems.at("threshold").at(i).inRange(threshold.get(i), 0, false, 1, true);
        }
        problems.at("samples").atLeast(samples, 1);
        problems.at("thresholdIncrement").inRange(thresholdIncrement, 0, true, 1, false);
        problems.at("projectOn").oneOf(projectOn, HlopConfig.PROJECT_ON);
    }

    /** The energy threshold of layer {@code layer} after task {@code task}: {@code min(1, ε_l + t·increment)}. */
    public double threshold(int layer, int task) {
        return Math.min(1.0, threshold.get(layer) + task * thresholdIncrement);
    }
}
