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
 */
public record GpmConfig(List<Double> threshold, int samples) implements ConfigNode {

    /** GPM's permuted-MNIST settings, used for every key of {@code "gpm": {}}. */
    public static final GpmConfig DEFAULTS = new GpmConfig(List.of(0.95, 0.99, 0.99), 300);

    public GpmConfig {
        threshold = List.copyOf(threshold);
    }

    @Override
    public void validate(ConfigProblems problems) {
        for (int i = 0; i < threshold.size(); i++) {
            problems.at("threshold").at(i).inRange(threshold.get(i), 0, false, 1, true);
        }
        problems.at("samples").atLeast(samples, 1);
    }
}
