package org.plasticity.trainers.sweep;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One expanded run of a sweep.
 *
 * @param id         the content hash of its resolved config ({@link RunIds})
 * @param settings   what the sweep set for this run beyond the base config: the axis values and the seed (the spec's
 *                   {@code set} is left out, as every run shares it)
 * @param configJson the resolved config (every default filled in), as {@code ExperimentConfigs.toJson} writes it
 */
public record SweepRun(String id, List<Setting> settings, String configJson) {

    public SweepRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(configJson, "configJson");
        settings = List.copyOf(settings);
    }

    /** The settings as one line, e.g. {@code method.type=finetune seed=1}; {@code (base)} for none. */
    public String label() {
        return settings.isEmpty() ? "(base)" : settings.stream().map(Setting::label).collect(Collectors.joining(" "));
    }
}
