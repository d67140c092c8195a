package org.plasticity.core.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.plasticity.core.tensor.Clamp;
import org.plasticity.core.tensor.Constants;

/**
 * Latency (time-to-first-spike) encoding: each input above {@code threshold} fires exactly once,
 * at step {@code round((1 − x)·(T − 1))}, so brighter inputs fire earlier; inputs at or below the
 * threshold never fire. Inputs should lie in [0, 1].
 */
public final class LatencyEncoder implements Encoder {
    private final double threshold;
    private final Constants c;

    public LatencyEncoder(double threshold, Constants constants) {
        this.threshold = threshold;
        this.c = constants;
    }

    @Override
    public EncodedInput encode(NDArray x, int timesteps) {
        NDArray clipped = Clamp.between(x, c.of(0), c.of(1));
        NDArray fireStep = clipped.neg().add(c.of(1)).mul(c.of(timesteps - 1)).round();
        NDArray active = clipped.gt(c.of(threshold));
        NDList steps = new NDList(timesteps);
        for (int t = 0; t < timesteps; t++) {
            steps.add(fireStep.eq(c.of(t)).logicalAnd(active).toType(DataType.FLOAT32, false));
        }
        return new EncodedInput(null, NDArrays.concat(steps, 0), timesteps);
    }

    @Override
    public String name() {
        return "latency";
    }
}
