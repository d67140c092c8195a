package org.plasticity.trainers.config;

/** Keeps the learning rate fixed. Type name {@code constant}; no keys. */
public record ConstantSchedule() implements ScheduleConfig {

    /** The only value. */
    public static final ConstantSchedule DEFAULTS = new ConstantSchedule();

    @Override
    public void validate(ConfigProblems problems) {
        // Nothing to check: there are no keys.
    }
}
