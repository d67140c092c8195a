package org.plasticity.core.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link UnitGate}s of a network and how they are wired, as its architecture builds them: which
 * gate acts on the output of which layer (the spikes of the neurons after a weight layer, or every
 * read of a residual stream), and, for each body weight layer, the gate of the units it reads
 * ({@code pre}, null where its input is not gated: the data) and of the units it writes
 * ({@code post}). A method that protects the units one task uses conditions the weight
 * {@code W[i, j]} by {@code pre_j} and {@code post_i} (HAT: {@code 1 − min(post_i, pre_j)}).
 * The gate on the classifier's input is {@link #readout()}; after a flatten each of its channels
 * covers {@link #readoutRepeat()} consecutive features (channel-major).
 */
public final class UnitGates {
    /**
     * The gates around one weight layer.
     *
     * @param layer the weight layer
     * @param pre the gate of its input units or channels, or null when the input is not gated
     * @param preRepeat consecutive input features per unit of {@code pre} (a flatten's positions; 1 otherwise)
     * @param post the gate of its output units or channels, or null when they are not gated (a shared head)
     */
    public record Wiring(WeightLayer layer, UnitGate pre, int preRepeat, UnitGate post) {
    }

    /** A network without gates. */
    public static final UnitGates NONE = new Builder().build();

    private final List<UnitGate> gates;
    private final Map<Layer, UnitGate> after;
    private final List<Wiring> wiring;
    private final UnitGate readout;
    private final int readoutRepeat;

    private UnitGates(Builder b) {
        this.gates = List.copyOf(b.gates);
        this.after = Collections.unmodifiableMap(new IdentityHashMap<>(b.after));
        this.wiring = List.copyOf(b.wiring);
        this.readout = b.readout;
        this.readoutRepeat = b.readoutRepeat;
    }

    /** Every gate once, input side first. */
    public List<UnitGate> gates() {
        return gates;
    }

    public boolean isEmpty() {
        return gates.isEmpty();
    }

    /** The gate on {@code layer}'s output while it is set, else null (no gate there, or an open one). */
    public UnitGate after(Layer layer) {
        UnitGate gate = after.get(layer);
        return gate == null || gate.isOpen() ? null : gate;
    }

    /** The gates around each body weight layer, in weight-layer order. */
    public List<Wiring> wiring() {
        return wiring;
    }

    /** The gate on the classifier's input, or null. */
    public UnitGate readout() {
        return readout;
    }

    /** Consecutive classifier-input features per unit of {@link #readout()}. */
    public int readoutRepeat() {
        return readoutRepeat;
    }

    /** The wiring of a head on the readout: its input gated by {@link #readout()}, its outputs not gated. */
    public Wiring head(WeightLayer head) {
        return new Wiring(head, readout, readoutRepeat, null);
    }

    /** Collects the gates of an architecture while it builds its layers. */
    public static final class Builder {
        private final List<UnitGate> gates = new ArrayList<>();
        private final Map<Layer, UnitGate> after = new IdentityHashMap<>();
        private final List<Wiring> wiring = new ArrayList<>();
        private UnitGate readout;
        private int readoutRepeat = 1;

        /** A new gate of {@code width} units. */
        public UnitGate gate(String name, int width) {
            UnitGate gate = new UnitGate(name, width);
            gates.add(gate);
            return gate;
        }

        /** {@code gate} acts on every output of {@code layer}. */
        public Builder after(Layer layer, UnitGate gate) {
            after.put(layer, gate);
            return this;
        }

        /** {@code layer} reads units gated by {@code pre} (null: ungated input) and writes units gated by {@code post}. */
        public Builder wire(WeightLayer layer, UnitGate pre, UnitGate post) {
            wiring.add(new Wiring(layer, pre, 1, post));
            return this;
        }

        /** The classifier reads units gated by {@code gate}, each unit covering {@code repeat} features. */
        public Builder readout(UnitGate gate, int repeat) {
            this.readout = gate;
            this.readoutRepeat = repeat;
            return this;
        }

        public UnitGates build() {
            return new UnitGates(this);
        }
    }
}
