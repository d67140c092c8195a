package org.plasticity.datasets.corruption;

/** {@code Poisson(c·x)/c} per value, c = 500, 250, 100, 75, 50 (x in [0, 1]); exact sampler. */
final class ShotNoise implements ImageCorruption {

    private static final double[] RATE = {500, 250, 100, 75, 50};

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double c = RATE[level];
        double[] x = Pixels.unit(chw);
        for (int i = 0; i < x.length; i++) {
            x[i] = draws.poisson(x[i] * c) / c;
        }
        return Pixels.fromUnit(x);
    }
}
