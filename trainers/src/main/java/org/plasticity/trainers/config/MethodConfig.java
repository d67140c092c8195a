package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The continual-learning method: a training regime plus any combination of method sections. A section left null is
 * off; {@code {}} turns it on with its defaults. Projection (HLOP, GPM), replay (memory replay, experience replay) and
 * regularisation (EWC) compose: e.g. {@code hlop} and {@code memoryReplay} together are the reference's HLOP+MR. HAT's
 * masks stand alone.
 *
 * @param type             {@code finetune} (train on each task in turn) or {@code multitask} (train on all tasks seen
 *                         so far); default {@code finetune}
 * @param hlop             Hebbian learning based orthogonal projection, or null for none; default null
 * @param gpm              gradient projection memory, or null for none; default null
 * @param memoryReplay     memory replay after each task (the HLOP reference's MR), or null for none; default null
 * @param experienceReplay experience replay mixed into every batch, or null for none; default null
 * @param ewc              elastic weight consolidation, or null for none; default null
 * @param hat              hard attention to the task (per-task unit masks), or null for none; default null
 */
public record MethodConfig(String type, HlopConfig hlop, GpmConfig gpm, MemoryReplayConfig memoryReplay,
        ExperienceReplayConfig experienceReplay, EwcConfig ewc, HatConfig hat) implements ConfigNode {

    /** Known regimes. */
    public static final List<String> TYPES = List.of("finetune", "multitask");

    /** The documented defaults. */
    public static final MethodConfig DEFAULTS = new MethodConfig("finetune", null, null, null, null, null, null);

    public MethodConfig {
        Objects.requireNonNull(type, "type");
    }

    /** Whether any section beyond the regime is on. */
    public boolean hasPlugins() {
        return hlop != null || gpm != null || memoryReplay != null || experienceReplay != null || ewc != null
                || hat != null;
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("type").oneOf(type, TYPES);
        if (hlop != null) {
            hlop.validate(problems.at("hlop"));
        }
        if (gpm != null) {
            gpm.validate(problems.at("gpm"));
        }
        if (memoryReplay != null) {
            memoryReplay.validate(problems.at("memoryReplay"));
        }
        if (experienceReplay != null) {
            experienceReplay.validate(problems.at("experienceReplay"));
        }
        if (ewc != null) {
            ewc.validate(problems.at("ewc"));
        }
        if (hat != null) {
            hat.validate(problems.at("hat"));
        }
    }
}
