package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One run in a sweep's manifest.
 *
 * @param index     its number in the sweep: the Slurm array index; kept when the sweep is expanded again
 * @param id        its config's content hash, also its folder's name
 * @param label     the sweep's settings for it in one line, e.g. {@code method.type=finetune seed=1}
 * @param overrides the same settings as an object of config path → value
 * @param config    its resolved config
 * @param status    the last known state ({@link RunState#label()})
 * @param reason    why it failed or stopped, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestRun(int index, String id, String label, ObjectNode overrides, JsonNode config, String status,
        String reason) {

    public ManifestRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(status, "status");
    }

    /** The manifest entry of an expanded run. */
    static ManifestRun of(int index, SweepRun run) {
        ObjectNode overrides = JsonNodeFactory.instance.objectNode();
        run.settings().forEach(s -> overrides.set(s.path(), s.value()));
        return new ManifestRun(index, run.id(), run.label(), overrides, SweepJson.tree(run.configJson()),
                RunState.PENDING.label(), null);
    }

    /** A copy with another state and reason. */
    public ManifestRun with(RunState state, String why) {
        return new ManifestRun(index, id, label, overrides, config, state.label(), why);
    }

    /** The last known state. */
    public RunState state() {
        return RunState.of(status);
    }
}
