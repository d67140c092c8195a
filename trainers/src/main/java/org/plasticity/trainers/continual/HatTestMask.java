package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import org.plasticity.core.tensor.Constants;

import java.util.Arrays;

/** HAT's gate at test time, at the final slope smax, from a task's embedding e. */
enum HatTestMask {
    /** The hard mask {@code [e > 0]} (σ(smax·e) rounded; the paper's binary attention). */
    BINARY("binary") {
        @Override
        NDArray of(NDArray e, double smax, Constants c) {
            return e.gt(c.of(0)).toType(DataType.FLOAT32, false);
        }
    },
    /** {@code σ(smax·e)}, as the authors' code evaluates (within 0.01 of {0, 1} once |e| &gt; 0.0115 at smax 400). */
    SOFT("soft") {
        @Override
        NDArray of(NDArray e, double smax, Constants c) {
            return Activation.sigmoid(e.mul(c.of(smax)));
        }
    };

    private final String configName;

    HatTestMask(String configName) {
        this.configName = configName;
    }

    /** The mask a config's {@code method.hat.testMask} names. */
    static HatTestMask of(String configName) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(configName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no HAT test mask " + configName));
    }

    /** The gate values {@code [width]} for embedding {@code e}, without graph. */
    abstract NDArray of(NDArray e, double smax, Constants c);
}
