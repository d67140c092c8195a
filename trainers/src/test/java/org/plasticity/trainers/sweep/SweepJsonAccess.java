package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/** Test access to the sweep package's JSON reader. */
final class SweepJsonAccess {
    private SweepJsonAccess() {
    }

    static JsonNode tree(String json) {
        return SweepJson.tree(json);
    }
}
