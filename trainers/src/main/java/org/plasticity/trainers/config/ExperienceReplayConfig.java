package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * Experience replay (ER), the standard online variant: a bounded buffer of past training samples, filled during
 * training, from which replayed samples are mixed into every training batch.
 *
 * @param size   buffer capacity in samples, &gt;= 1; default 500
 * @param policy how the buffer keeps samples: {@code reservoir} (a uniform sample of everything seen) or
 *               {@code class-balanced} (an equal share per class, a uniform sample within each class);
 *               default {@code reservoir}
 * @param ratio  replayed samples per new sample in a batch, &gt; 0 (1.0 doubles the batch); default 1.0
 */
public record ExperienceReplayConfig(int size, String policy, double ratio) implements ConfigNode {

    /** Buffer policies. */
    public static final List<String> POLICIES = List.of("reservoir", "class-balanced");

    /** The documented defaults, used for every key of {@code "experienceReplay": {}}. */
    public static final ExperienceReplayConfig DEFAULTS = new ExperienceReplayConfig(500, "reservoir", 1.0);

    public ExperienceReplayConfig {
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("size").atLeast(size, 1);
        problems.at("policy").oneOf(policy, POLICIES);
        problems.at("ratio").positive(ratio);
    }
}
