package org.plasticity.trainers.config;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs. Type name {@code step}.
 *
 * @param stepSize epochs between decays, &gt;= 1; default 100
 * @param gamma    decay factor, &gt; 0; default 0.1
 */
public record StepSchedule(int stepSize, double gamma) implements ScheduleConfig {

    /** The documented defaults. */
    public static final StepSchedule DEFAULTS = new StepSchedule(100, 0.1);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("stepSize").atLeast(stepSize, 1);
        problems.at("gamma").positive(gamma);
    }
}
