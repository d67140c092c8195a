package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;

/**
 * A copy of every parameter and buffer of a network (NHL's modulator included), restored in place at every reset so
 * each shift starts from the source model exactly.
 */
final class NetworkSnapshot {
    private final List<NDArray> targets = new ArrayList<>();
    private final List<float[]> saved = new ArrayList<>();

    NetworkSnapshot(Network network) {
        for (Param p : network.parameters()) {
            targets.add(p.value());
        }
        for (Buffer b : network.buffers()) {
            targets.add(b.value());
        }
        for (NDArray t : targets) {
            saved.add(t.toFloatArray());
        }
    }

    /** Writes the saved values back, in place (a host copy once per reset, not per batch). */
    void restore() {
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).set(FloatBuffer.wrap(saved.get(i)));
        }
    }
}
