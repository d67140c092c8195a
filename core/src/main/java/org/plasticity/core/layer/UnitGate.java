package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A per-unit gate on the output of a group of units, {@code y = a ⊙ x} with one value {@code a_c}
 * per unit or channel c, broadcast over samples, timesteps and positions (HAT's attention mask,
 * Serrà et al. 2018). It is <em>open</em> — the identity, the input returned as it is and nothing
 * computed — until a method sets its values, so a network without a method that gates computes
 * exactly what it computed before gates existed.
 *
 * <p>The values are asked for at every use, so they carry the graph of the pass that uses them
 * (OTTT's per-step backward frees each step's graph). Within a pass they are the same at every
 * step, so the gate is {@link TimeLinear}: {@code Σ_t b_t·(a ⊙ x_t) = a ⊙ Σ_t b_t·x_t}, and DSR's
 * B-row sums pass through it exactly.
 */
public final class UnitGate implements TimeLinear {
    private final String name;
    private final int width;
    private Supplier<NDArray> values;

    /**
     * @param name unique name in its network (method state is keyed by it)
     * @param width number of units or channels
     */
    public UnitGate(String name, int width) {
        if (width < 1) {
            throw new IllegalArgumentException(name + ": a gate needs at least one unit");
        }
        this.name = name;
        this.width = width;
    }

    @Override
    public String name() {
        return name;
    }

    /** Number of units or channels gated. */
    public int width() {
        return width;
    }

    /**
     * Closes the gate onto values: {@code values} supplies a {@code [width]} tensor at every use.
     */
    public void set(Supplier<NDArray> values) {
        this.values = values;
    }

    /** Opens the gate: the identity again. */
    public void open() {
        this.values = null;
    }

    public boolean isOpen() {
        return values == null;
    }

    /** {@code a ⊙ x} for {@code x [R, width, ...]}, with the graph to the values; {@code x} itself when open. */
    public NDArray apply(NDArray x) {
        return isOpen() ? x : x.mul(broadcastable(values.get(), x));
    }

    /** {@code sg(a) ⊙ x}: no gradient reaches the values (DSR's simulated spikes, OTTT's traces). */
    public NDArray applyDetached(NDArray x) {
        return isOpen() ? x : x.mul(broadcastable(values.get().stopGradient(), x));
    }

    /** {@link #applyDetached(NDArray)} on each step; the list itself when open. */
    public List<NDArray> applyDetached(List<NDArray> steps) {
        return each(steps, this::applyDetached);
    }

    /** {@link #apply(NDArray)} on each step; the list itself when open. */
    public List<NDArray> apply(List<NDArray> steps) {
        return each(steps, this::apply);
    }

    private List<NDArray> each(List<NDArray> steps, UnaryOperator<NDArray> gate) {
        if (isOpen()) {
            return steps;
        }
        List<NDArray> out = new ArrayList<>(steps.size());
        for (NDArray s : steps) {
            out.add(gate.apply(s));
        }
        return out;
    }

    private NDArray broadcastable(NDArray a, NDArray x) {
        long[] shape = new long[x.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = width;
        return a.reshape(new Shape(shape));
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        return isOpen() ? input : new Activity(apply(input.value()), input.isStatic());
    }

    /** The gate has no constant part: a weighted sum over time is gated as it is. */
    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        return apply(sum);
    }

    @Override
    public long[] outputShape(long[] input) {
        if (input.length == 0 || input[0] != width) {
            throw new IllegalArgumentException(name + " gates " + width + " units or channels, got "
                    + java.util.Arrays.toString(input));
        }
        return input.clone();
    }
}
