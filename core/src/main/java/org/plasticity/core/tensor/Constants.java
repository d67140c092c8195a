package org.plasticity.core.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.HashMap;
import java.util.Map;

/**
 * Kept 0-d float32 constants for use as operands of tensor operations.
 *
 * <p>DJL turns a Java number passed to an op (a float argument of {@code mul}) into a temporary tensor over a
 * freed buffer that autograd may still read in backward, which silently corrupts gradients
 * (djl.md §8.1). Every scalar operand in Plasticity therefore comes from here: each value is
 * created once in the long-lived manager given at construction and reused for the whole run.
 * Instances are not thread-safe; one per network or optimizer.
 */
public final class Constants implements AutoCloseable {
    private final NDManager manager;
    private final Map<Float, NDArray> cache = new HashMap<>();
    private final Map<String, NDArray> tensors = new HashMap<>();

    /** @param parent the long-lived manager whose device the constants live on */
    public Constants(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** The kept 0-d constant with this value. */
    public NDArray of(double value) {
        float v = (float) value;
        NDArray c = cache.get(v);
        if (c == null) {
            c = StepScope.keep(manager.create(new float[] {v}, new Shape()));
            cache.put(v, c);
        }
        return c;
    }

    /**
     * A kept constant tensor of the given values and shape (e.g. per-step weights {@code [T, 1, 1]}),
     * cached by content.
     */
    public NDArray tensor(double[] values, long... shape) {
        String key = java.util.Arrays.toString(values) + java.util.Arrays.toString(shape);
        NDArray t = tensors.get(key);
        if (t == null) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            t = StepScope.keep(manager.create(f, new Shape(shape)));
            tensors.put(key, t);
        }
        return t;
    }

    /** Number of distinct constants kept (flat after warm-up; tests use it to detect leaks). */
    public int size() {
        return cache.size() + tensors.size();
    }

    /** The manager that owns the constants. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        cache.clear();
        tensors.clear();
        manager.close();
    }
}
