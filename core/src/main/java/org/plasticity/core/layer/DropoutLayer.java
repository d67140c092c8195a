package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.tensor.StepScope;

import java.util.Arrays;

/**
 * Inverted dropout, active only in {@link Mode#TRAIN}: {@code y = x ⊙ M/(1 − p)} with
 * {@code M[b, …] = [u[b, …] ≥ p]}, {@code u ~ U(0, 1)} drawn from the engine's random stream once per
 * sample and unit and shared by all T timesteps of the sample (row {@code t·B + b} of a time-major
 * activity uses {@code M[b]}). The identity in EVAL and ADAPT. Because the mask does not change
 * over time, a static activity stays static in every mode.
 */
public final class DropoutLayer implements Layer {
    private final String name;
    private final double p;
    private final NDArray keptScale;

    /** Dropout with probability {@code p}; the scale {@code 1/(1 − p)} comes from the pass's constants. */
    public DropoutLayer(String name, double p) {
        this(name, p, null);
    }

    /**
     * @param p probability of zeroing a unit, in [0, 1)
     * @param manager long-lived manager that keeps the scale {@code 1/(1 − p)}, or null to take it
     *     from the pass's constants
     */
    public DropoutLayer(String name, double p, NDManager manager) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(name + ": dropout probability must be in [0, 1), got " + p);
        }
        this.name = name;
        this.p = p;
        this.keptScale = manager == null ? null
                : StepScope.keep(manager.create(new float[] {(float) (1.0 / (1.0 - p))}, new Shape()));
    }

    @Override
    public String name() {
        return name;
    }

    public double p() {
        return p;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        if (context.mode() != Mode.TRAIN || p == 0) {
            return input;
        }
        NDArray x = input.value();
        Shape shape = x.getShape();
        long batch = input.batch(context.timesteps());
        long[] perSample = shape.getShape().clone();
        perSample[0] = batch;
        NDArray u = x.getManager().randomUniform(0f, 1f, new Shape(perSample), DataType.FLOAT32);
        NDArray scale = keptScale != null ? keptScale : context.constants().of(1.0 / (1.0 - p));
        NDArray mask = u.gte(context.constants().of(p)).toType(x.getDataType(), false)
                .mul(scale.toType(x.getDataType(), false));
        if (!input.isStatic() && shape.get(0) != batch) {
            mask = ForwardContext.repeatRows(mask, shape.get(0) / batch);
        }
        return new Activity(x.mul(mask), input.isStatic());
    }

    @Override
    public long[] outputShape(long[] input) {
        if (input.length == 0) {
            throw new IllegalArgumentException(name + " takes a per-sample shape of rank ≥ 1, got "
                    + Arrays.toString(input));
        }
        return input.clone();
    }
}
