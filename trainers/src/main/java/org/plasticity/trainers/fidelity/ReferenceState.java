package org.plasticity.trainers.fidelity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.net.Network;
import org.plasticity.core.plasticity.HebbianSubspace;
import org.plasticity.datasets.formats.NdArray;
import org.plasticity.datasets.formats.NumpyDtype;
import org.plasticity.trainers.UserError;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a state between a reference dump and a network: the parameters by name ({@code fc1.weight},
 * {@code sn1.vth}, ...) and HLOP's lateral weights and momentum ({@code hlopL.h}, {@code hlopL.mom}) with the
 * number of merged rows. Values are copied in place, so every reference to a parameter stays valid.
 */
final class ReferenceState {
    private ReferenceState() {
    }

    /**
     * Overwrites the network's parameters, feedback alignment's fixed matrices ({@code fcN.feedback}) and, when there
     * are subspaces, HLOP's rows with a dumped state.
     *
     * @param oldRows per subspace, the rows merged from earlier tasks
     * @throws UserError naming the tensor when the dump and the network do not have the same shapes
     */
    static void load(Map<String, NdArray> state, Network network, List<HebbianSubspace> subspaces, int[] oldRows) {
        for (Param p : network.parameters()) {
            NdArray value = state.get(p.name());
            if (value == null) {
                throw new UserError("the reference dump has no " + p.name() + " (it holds " + state.keySet()
                        + "): the config builds another network than the reference trained");
            }
            requireSize(p.name(), value, p.value().getShape());
            p.value().set(FloatBuffer.wrap(value.floats()));
        }
        for (WeightLayer layer : network.weightLayers()) {
            String name = layer.weight().name().replace(".weight", ".feedback");
            NdArray b = state.get(name);
            NDArray feedback = layer.errorRoute().feedback(layer.weight().value());
            if (layer.errorRoute().name().equals("feedback-alignment")) {
                if (b == null) {
                    throw new UserError("the reference dump has no " + name + ": it was not trained with feedback "
                            + "alignment (write it with --feedback feedback-alignment)");
                }
                requireSize(name, b, feedback.getShape());
                feedback.set(FloatBuffer.wrap(b.floats()));
            }
        }
        for (int l = 0; l < subspaces.size(); l++) {
            NdArray h = state.get("hlop" + l + ".h");
            NdArray mom = state.get("hlop" + l + ".mom");
            if (h == null || mom == null) {
                throw new UserError("the reference dump has no HLOP state of protected layer " + l);
            }
            HebbianSubspace subspace = subspaces.get(l);
            try (NDManager scratch = network.manager().newSubManager()) {
                Shape shape = new Shape(h.shape());
                subspace.restore(scratch.create(h.floats(), shape), scratch.create(mom.floats(), shape), oldRows[l]);
            }
        }
    }

    /**
     * The state with every DSR threshold ({@code snN.vth}) as the reference's next forward pass reads it:
     * {@code relu(Vth − bound) + bound}. The reference clamps in place before each forward and so may store a value
     * below the bound after its last update; Plasticity clamps right after each update (DsrForward.afterUpdate). Both
     * feed every forward the same value; only the stored value between two steps can differ.
     *
     * @param bound the threshold bound, or NaN for a network without DSR thresholds (the state is returned as is)
     */
    static Map<String, NdArray> asForwardReads(Map<String, NdArray> state, double bound) {
        if (Double.isNaN(bound)) {
            return state;
        }
        float b = (float) bound;
        Map<String, NdArray> out = new LinkedHashMap<>(state);
        for (Map.Entry<String, NdArray> e : state.entrySet()) {
            if (e.getKey().matches("sn\\d+\\.vth")) {
                float[] v = e.getValue().floats();
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.max(v[i] - b, 0f) + b;
                }
                out.put(e.getKey(), float32(e.getValue().shape(), v));
            }
        }
        return out;
    }

    private static NdArray float32(long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return new NdArray(NumpyDtype.parse("<f4"), shape, bytes.array());
    }

    /** The network's parameters and HLOP's rows under the dump's names, as host copies. */
    static Map<String, float[]> capture(Network network, List<HebbianSubspace> subspaces) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Param p : network.parameters()) {
            out.put(p.name(), p.value().toFloatArray());
        }
        for (int l = 0; l < subspaces.size(); l++) {
            NDArray h = subspaces.get(l).weights();
            out.put("hlop" + l + ".h", h.toFloatArray());
            out.put("hlop" + l + ".mom", subspaces.get(l).momentum().toFloatArray());
        }
        return out;
    }

    private static void requireSize(String name, NdArray value, Shape shape) {
        if (value.size() != shape.size()) {
            throw new UserError("the reference dump's " + name + " has shape " + value.shapeText()
                    + " but the network's has " + shape + ": the config builds another network than the reference "
                    + "trained");
        }
    }
}
