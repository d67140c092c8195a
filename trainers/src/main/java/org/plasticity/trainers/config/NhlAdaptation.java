package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * Neuro-modulated Hebbian learning (Tang et al., CVPR 2023) as reconstructed in tta-nhl.md §1: per test batch, a
 * soft-Hebbian step on the first convolution (soft winner-take-all over channels at temperature τ, the SoftHebb
 * update {@code ΔW_k = Σ y_k·x − (Σ y_k·u_k)·w_k}, max-normalised, {@code W ← W + η·ΔW}), then optimizer steps on the
 * neuro-modulator that lower the entropy of the predictions through the frozen upper layers and the locked
 * classifier, then the prediction. Every value below the paper does not give is a <b>reconstructed</b> choice.
 *
 * @param temperature  τ of the soft winner-take-all, &gt; 0; default 1.0 (SoftHebb's first layer; reconstructed)
 * @param hebbianRate  η of the max-normalised Hebbian step, &gt;= 0 (0 turns the Hebbian step off); default 1e-3
 *                     (reconstructed)
 * @param antiHebbian  whether non-winning channels get {@code −y} (ICLR-2023 SoftHebb); default false
 *                     (reconstructed)
 * @param keepNorms    whether every conv1 filter keeps its source norm after each step (spec §1.2-4); default true
 *                     (reconstructed)
 * @param modulator    {@code channel-affine} (gain and shift per channel after conv1's BatchNorm, the default),
 *                     {@code channel-affine+bn} (that plus every BatchNorm affine: Hebbian conv1 + Tent) or
 *                     {@code conv1x1} (an identity-initialised 1×1 convolution); reconstructed
 * @param optimizer    the modulator's optimizer; default Adam lr 1e-3 (Tent's; reconstructed)
 * @param steps        modulator steps per batch, &gt;= 1; default 1
 * @param predict      {@code after} adapting (the paper's Fig. 2 caption) or {@code before} (Tent's pre-update
 *                     scoring); default {@code after}
 * @param statistics   BatchNorm statistics while adapting: {@code batch} (as Tent) or {@code source}; default
 *                     {@code batch} (unverified in the paper)
 */
public record NhlAdaptation(double temperature, double hebbianRate, boolean antiHebbian, boolean keepNorms,
        String modulator, OptimizerConfig optimizer, int steps, String predict, String statistics)
        implements AdaptationMethodConfig {

    /** Modulator forms. */
    public static final List<String> MODULATORS = List.of("channel-affine", "channel-affine+bn", "conv1x1");
    /** Prediction timings. */
    public static final List<String> PREDICTIONS = List.of("after", "before");
    /** BatchNorm statistics while adapting. */
    public static final List<String> STATISTICS = List.of("batch", "source");

    /** The documented defaults. */
    public static final NhlAdaptation DEFAULTS = new NhlAdaptation(1.0, 1e-3, false, true, "channel-affine",
            AdamOptimizer.DEFAULTS, 1, "after", "batch");

    public NhlAdaptation {
        Objects.requireNonNull(modulator, "modulator");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(predict, "predict");
        Objects.requireNonNull(statistics, "statistics");
    }

    /** Whether the prediction comes from a forward pass after the batch's adaptation. */
    public boolean predictAfter() {
        return predict.equals("after");
    }

    /** Whether BatchNorm uses the test batch's statistics. */
    public boolean batchStatistics() {
        return statistics.equals("batch");
    }

    @Override
    public boolean needsBatchNorm() {
        return batchStatistics() || modulator.equals("channel-affine+bn");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("temperature").positive(temperature);
        problems.at("hebbianRate").nonNegative(hebbianRate);
        problems.at("modulator").oneOf(modulator, MODULATORS);
        optimizer.validate(problems.at("optimizer"));
        problems.at("steps").atLeast(steps, 1);
        problems.at("predict").oneOf(predict, PREDICTIONS);
        problems.at("statistics").oneOf(statistics, STATISTICS);
    }
}
