package org.plasticity.core.layer;

import java.util.Arrays;

/** Shape checks shared by the pooling layers. */
final class Shapes {
    private Shapes() {
    }

    /** Checks a per-sample {@code [C, H, W]} that holds a {@code kernel×kernel} window. */
    static void image(String layer, long[] input, int kernel) {
        if (input.length != 3) {
            throw new IllegalArgumentException(layer + " takes [C, H, W] inputs, got " + Arrays.toString(input));
        }
        if (input[1] < kernel || input[2] < kernel) {
            throw new IllegalArgumentException(layer + ": input " + input[1] + "×" + input[2]
                    + " is smaller than the window " + kernel + "×" + kernel);
        }
    }

    /** {@code ⌊(in − k)/s⌋ + 1}. */
    static long pooled(long in, int kernel, int stride) {
        return (in - kernel) / stride + 1;
    }

    static void positive(String layer, int... values) {
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(layer + ": sizes must be ≥ 1, got " + Arrays.toString(values));
            }
        }
    }
}
