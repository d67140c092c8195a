package org.plasticity.core.tensor;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible seeds for the parts of a run (initial weights, data order of
 * each task and epoch, Hebbian initialisation, …) from the run's one seed, so that adding a
 * random consumer never shifts the streams of the others.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for {@code component} and its indices, derived from {@code runSeed}. */
    public static long derive(long runSeed, String component, long... indices) {
        long h = mix(runSeed ^ 0x9E3779B97F4A7C15L);
        for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        for (long i : indices) {
            h = mix(h ^ i);
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
