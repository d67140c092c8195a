package org.plasticity.core.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.tensor.Clamp;
import org.plasticity.core.tensor.Constants;

/**
 * Poisson rate encoding: at every step each input fires with probability
 * {@code clamp(gain·x, 0, 1)}, drawn from the engine's seeded random stream. Inputs should lie in
 * [0, 1] (un-normalized pixels).
 */
public final class PoissonEncoder implements Encoder {
    private final double gain;
    private final Constants c;

    public PoissonEncoder(double gain, Constants constants) {
        this.gain = gain;
        this.c = constants;
    }

    @Override
    public EncodedInput encode(NDArray x, int timesteps) {
        NDArray p = Clamp.between(x.mul(c.of(gain)), c.of(0), c.of(1));
        long b = x.getShape().get(0);
        long d = x.getShape().get(1);
        NDArray u = x.getManager().randomUniform(0f, 1f, new Shape(timesteps, b, d), DataType.FLOAT32);
        NDArray spikes = u.lt(p).toType(DataType.FLOAT32, false).reshape(timesteps * b, d);
        return new EncodedInput(null, spikes, timesteps);
    }

    @Override
    public String name() {
        return "poisson";
    }
}
