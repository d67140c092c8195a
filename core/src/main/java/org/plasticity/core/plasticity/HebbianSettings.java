package org.plasticity.core.plasticity;

/**
 * Hyper-parameters of one Hebbian update call (hlop.md §2.4).
 *
 * @param lr learning rate of the lateral weights (0.01; 0.001 for the PMNIST input layer)
 * @param iterations iterations run on the same batch per call (5)
 * @param momentum coefficient m of the EMA momentum {@code Mom = m·Mom + (1 − m)·Δ} (0.9)
 * @param clamp element-wise bound on Δ before momentum (10)
 * @param quantizer quantiser of the lateral outputs for spiking lateral neurons, or null
 */
public record HebbianSettings(double lr, int iterations, double momentum, double clamp,
                              LateralQuantizer quantizer) {
    /** Checks the ranges. */
    public HebbianSettings {
        if (!(lr > 0) || iterations < 1 || !(momentum >= 0 && momentum < 1) || !(clamp > 0)) {
            throw new IllegalArgumentException("bad Hebbian settings: lr=" + lr + ", iterations=" + iterations
                    + ", momentum=" + momentum + ", clamp=" + clamp);
        }
    }

    /** The reference defaults (5 iterations, momentum 0.9, clamp 10, non-spiking) with this learning rate. */
    public static HebbianSettings defaults(double lr) {
        return new HebbianSettings(lr, 5, 0.9, 10.0, null);
    }
}
