package org.plasticity.datasets.corruption;

/** {@code x + N(0, c²)} per value, c = 0.04, 0.06, 0.08, 0.09, 0.10 (x in [0, 1]); exact formula. */
final class GaussianNoise implements ImageCorruption {

    private static final double[] SCALE = {0.04, 0.06, 0.08, 0.09, 0.10};

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double[] x = Pixels.unit(chw);
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] + draws.normal(0, SCALE[level]);
        }
        return Pixels.fromUnit(x);
    }
}
