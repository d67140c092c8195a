package org.plasticity.trainers.config;

import java.util.Objects;

/**
 * Tent (Wang et al., ICLR 2021): BatchNorm with test-batch statistics, and one optimizer step per batch on the
 * BatchNorm affine parameters γ, β alone that lowers the mean entropy of the predictions,
 * {@code L = −(1/B)·Σ_b Σ_c p_bc·log p_bc}. Each batch is scored on the pre-update forward, as in the Tent code.
 *
 * @param optimizer the optimizer of γ, β; default Adam lr 1e-3, β = (0.9, 0.999), no weight decay (Tent's CIFAR
 *                  setting, tta-nhl.md §2.3)
 * @param steps     optimizer steps per batch, &gt;= 1; default 1
 */
public record TentAdaptation(OptimizerConfig optimizer, int steps) implements AdaptationMethodConfig {
    /** The documented defaults. */
    public static final TentAdaptation DEFAULTS = new TentAdaptation(AdamOptimizer.DEFAULTS, 1);

    public TentAdaptation {
        Objects.requireNonNull(optimizer, "optimizer");
    }

    @Override
    public boolean needsBatchNorm() {
        return true;
    }

    @Override
    public void validate(ConfigProblems problems) {
        optimizer.validate(problems.at("optimizer"));
        problems.at("steps").atLeast(steps, 1);
    }
}
