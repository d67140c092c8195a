package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.state.Checkpoint;

import java.nio.FloatBuffer;

/**
 * Saves and restores a network's state in a checkpoint, bit for bit: every parameter's value and
 * whether it is trainable, and every buffer's value. Values are written in place, so every
 * reference to a parameter stays valid.
 */
final class NetworkState {
    private NetworkState() {
    }

    static void save(Network network, Checkpoint checkpoint, String prefix) {
        for (Param p : network.parameters()) {
            checkpoint.putTensor(prefix + "param/" + p.name(), p.value());
            checkpoint.putLongs(prefix + "trainable/" + p.name(), p.trainable() ? 1 : 0);
        }
        for (Buffer b : network.buffers()) {
            checkpoint.putTensor(prefix + "buffer/" + b.name(), b.value());
        }
    }

    static void restore(Network network, Checkpoint checkpoint, String prefix) {
        NDManager manager = network.manager();
        for (Param p : network.parameters()) {
            copyInto(checkpoint, prefix + "param/" + p.name(), p.value(), manager);
            p.setTrainable(checkpoint.longValue(prefix + "trainable/" + p.name()) == 1);
        }
        for (Buffer b : network.buffers()) {
            copyInto(checkpoint, prefix + "buffer/" + b.name(), b.value(), manager);
        }
    }

    private static void copyInto(Checkpoint checkpoint, String key, NDArray target, NDManager manager) {
        try (NDArray saved = checkpoint.tensor(key, manager)) {
            if (!saved.getShape().equals(target.getShape())) {
                throw new IllegalStateException("checkpoint holds " + key + saved.getShape()
                        + " but the network has " + target.getShape());
            }
            target.set(FloatBuffer.wrap(saved.toFloatArray()));
        }
    }
}
