package org.plasticity.datasets.corruption;

/**
 * scikit-image's {@code random_noise(mode='s&p', amount=c)}: each value independently is replaced
 * with probability c, by 1 (salt) or 0 (pepper) with equal odds; c = 0.01, 0.02, 0.03, 0.05, 0.07.
 */
final class ImpulseNoise implements ImageCorruption {

    private static final double[] AMOUNT = {0.01, 0.02, 0.03, 0.05, 0.07};
    private static final double SALT_VS_PEPPER = 0.5;

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double[] x = Pixels.unit(chw);
        for (int i = 0; i < x.length; i++) {
            boolean flipped = draws.uniform() < AMOUNT[level];
            boolean salted = draws.uniform() < SALT_VS_PEPPER;
            if (flipped) {
                x[i] = salted ? 1 : 0;
            }
        }
        return Pixels.fromUnit(x);
    }
}
