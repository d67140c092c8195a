package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One value a sweep gives one config key: what {@code --set path=value} would do, plus where in the sweep spec the
 * value came from, so that a problem with it names the spec's JSON path.
 *
 * @param path   the dotted config path, e.g. {@code training.optimizer.lr}
 * @param value  the JSON value
 * @param origin the JSON path in the sweep spec that supplied it, e.g. {@code axes[0].grid["method.type"][1]}
 */
public record Setting(String path, JsonNode value, String origin) {

    public Setting {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /** The override text that the config reader understands: {@code path=<compact JSON value>}. */
    public String overrideText() {
        return path + "=" + value.toString();
    }

    /** A short human label: {@code path=value} with strings unquoted. */
    public String label() {
        return path + "=" + (value.isTextual() ? value.asText() : value.toString());
    }
}
