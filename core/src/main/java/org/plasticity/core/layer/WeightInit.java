package org.plasticity.core.layer;

import java.util.SplittableRandom;

/**
 * How a weight layer's initial values are drawn, in Java from a seeded stream so that they are
 * the same on every device. {@code fanIn = in·k·k}, {@code fanOut = out·k·k} (k = 1 for linear).
 */
public enum WeightInit {
    /**
     * PyTorch's default for {@code nn.Linear} and {@code nn.Conv2d} ({@code kaiming_uniform_(a=√5)}):
     * weight and bias uniform in {@code ±1/√fanIn}.
     */
    PYTORCH_DEFAULT,
    /**
     * {@code kaiming_normal_(mode='fan_out', nonlinearity='relu')}: weight {@code N(0, 2/fanOut)},
     * bias 0 — the reference's conv layers (its ResNet's {@code N(0, √(2/(k²·C_out)))} is the same).
     */
    KAIMING_NORMAL_FAN_OUT,
    /** The reference's conv-net heads: weight {@code N(0, 0.01²)}, bias 0. */
    NORMAL_0_01;

    /** {@code n} initial weights. */
    public float[] weights(SplittableRandom random, int n, int fanIn, int fanOut) {
        float[] values = new float[n];
        switch (this) {
            case PYTORCH_DEFAULT -> uniform(random, values, 1.0 / Math.sqrt(fanIn));
            case KAIMING_NORMAL_FAN_OUT -> normal(random, values, Math.sqrt(2.0 / fanOut));
            case NORMAL_0_01 -> normal(random, values, 0.01);
        }
        return values;
    }

    /** {@code n} initial biases (drawn after the weights from the same stream). */
    public float[] biases(SplittableRandom random, int n, int fanIn) {
        float[] values = new float[n];
        if (this == PYTORCH_DEFAULT) {
            uniform(random, values, 1.0 / Math.sqrt(fanIn));
        }
        return values;
    }

    private static void uniform(SplittableRandom random, float[] values, double bound) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }

    private static void normal(SplittableRandom random, float[] values, double std) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
    }
}
