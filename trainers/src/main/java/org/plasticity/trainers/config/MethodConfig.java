package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The continual-learning method.
 *
 * @param type {@code finetune} (train on each task in turn) or {@code multitask} (train on all tasks seen so far);
 *             default {@code finetune}
 * @param hlop Hebbian learning based orthogonal projection, or null for none; default null
 */
public record MethodConfig(String type, HlopConfig hlop) implements ConfigNode {

    /** Known methods. */
    public static final List<String> TYPES = List.of("finetune", "multitask");

    /** The documented defaults. */
    public static final MethodConfig DEFAULTS = new MethodConfig("finetune", null);

    public MethodConfig {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("type").oneOf(type, TYPES);
        if (hlop != null) {
            hlop.validate(problems.at("hlop"));
        }
    }
}
