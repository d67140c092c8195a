package org.plasticity.trainers.config;

/**
 * Linear warmup, then cosine annealing to zero at epoch {@code tMax}. Type name {@code cosine}.
 *
 * @param warmup epochs of linear warmup, &gt;= 0; default 0
 * @param tMax   epoch at which the learning rate reaches zero, &gt; warmup; default 100
 */
public record CosineSchedule(int warmup, int tMax) implements ScheduleConfig {

    /** The documented defaults. */
    public static final CosineSchedule DEFAULTS = new CosineSchedule(0, 100);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("warmup").atLeast(warmup, 0);
        if (tMax <= warmup) {
            problems.at("tMax").report("expected an integer > warmup (" + warmup + "), got " + tMax);
        }
    }
}
