package org.plasticity.core.optim;

/**
 * A learning-rate schedule: the factor applied to the base learning rate at a 0-based epoch,
 * stepped once per epoch as the reference's schedulers are.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The factor at epoch {@code epoch} (0-based). */
    double factor(int epoch);

    /** Always 1. */
    static LearningRateSchedule constant() {
        return epoch -> 1.0;
    }

    /** {@code StepLR}: {@code γ^⌊epoch/stepSize⌋}. */
    static LearningRateSchedule step(int stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("stepSize must be ≥ 1");
        }
        return epoch -> Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }

    /**
     * The reference's 'CosALR' (hlop.md §4.1): {@code (e+1)/warmup} during warm-up, then
     * {@code ½·(1 + cos(π·(e − warmup)/(tMax − warmup)))}.
     */
    static LearningRateSchedule cosine(int warmup, int tMax) {
        if (warmup < 0 || tMax <= warmup) {
            throw new IllegalArgumentException("cosine schedule needs 0 ≤ warmup < tMax");
        }
        return epoch -> epoch < warmup
                ? (epoch + 1.0) / warmup
                : 0.5 * (1 + Math.cos(Math.PI * (epoch - warmup) / (tMax - warmup)));
    }
}
