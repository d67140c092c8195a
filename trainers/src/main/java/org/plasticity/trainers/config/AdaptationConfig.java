package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * Test-time adaptation of a trained source model (the NHL setting, tta-nhl.md): unlabelled test batches of each shift
 * stream through the model, the method adapts online, and every sample is scored once as its batch passes. When this
 * section is present, {@code plasticity run} adapts instead of training: the network's architecture and data come
 * from the source run's {@code config.json} and its weights from the run's {@code weights.params}, so the adaptation
 * config leaves {@code model}, {@code data}, {@code training} and {@code method} out.
 *
 * @param source    the source run directory (written by {@code plasticity run}; it must hold {@code config.json}
 *                  and {@code weights.params}); required
 * @param task      the source task whose test split and head are adapted on, &gt;= 0; default 0
 * @param method    the adaptation method; default {@code source} (no adaptation)
 * @param shifts    the shifted test streams
 * @param batchSize test samples per adapted batch, &gt;= 1; default 200 (Tent's CIFAR setting)
 * @param reset     {@code each-shift} (restore the source model and optimizer at every corruption × severity, the
 *                  Tent protocol) or {@code continual} (adapt through all shifts in order); default
 *                  {@code each-shift}
 * @param testLimit the first n test samples of each shift, or null for all; default null
 */
public record AdaptationConfig(String source, int task, AdaptationMethodConfig method, ShiftConfig shifts,
        int batchSize, String reset, Integer testLimit) implements ConfigNode {

    /** Reset policies. */
    public static final List<String> RESETS = List.of("each-shift", "continual");

    /** The documented defaults, used for every key of {@code "adaptation": {}}. */
    public static final AdaptationConfig DEFAULTS = new AdaptationConfig(null, 0, SourceAdaptation.DEFAULTS,
            ShiftConfig.DEFAULTS, 200, "each-shift", null);

    public AdaptationConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(shifts, "shifts");
        Objects.requireNonNull(reset, "reset");
    }

    /** Whether the model is restored at the start of every shift. */
    public boolean resetEachShift() {
        return reset.equals("each-shift");
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (source == null || source.isBlank()) {
            problems.at("source").report("needs the source run directory (a folder written by plasticity run)");
        }
        problems.at("task").atLeast(task, 0);
        method.validate(problems.at("method"));
        shifts.validate(problems.at("shifts"));
        problems.at("batchSize").atLeast(batchSize, 1);
        problems.at("reset").oneOf(reset, RESETS);
        if (testLimit != null) {
            problems.at("testLimit").atLeast(testLimit, 1);
        }
    }
}
