package org.plasticity.trainers.config;

/**
 * BatchNorm adaptation (Schneider et al. 2020): every BatchNorm normalises with the test batch's statistics mixed
 * with the source's, {@code μ = (1 − α)·μ_src + α·μ_B} (likewise σ²); no parameter changes. α = 1 is plain
 * batch statistics ("norm" in the Tent code), α &lt; 1 is BN-α.
 *
 * @param alpha α in [0, 1]; default 1.0
 */
public record BnAdaptation(double alpha) implements AdaptationMethodConfig {
    /** The documented defaults. */
    public static final BnAdaptation DEFAULTS = new BnAdaptation(1.0);

    @Override
    public boolean needsBatchNorm() {
        return true;
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("alpha").inRange(alpha, 0, true, 1, true);
    }
}
