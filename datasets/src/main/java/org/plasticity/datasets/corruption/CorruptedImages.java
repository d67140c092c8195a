package org.plasticity.datasets.corruption;

/** Placeholder until the corruption generator lands. */
public final class CorruptedImages {
    private CorruptedImages() {
    }

    public static byte[] corrupt(byte[] pixels, int count, ImageGeometry g, Corruption c, int severity, long seed) {
        throw new UnsupportedOperationException("placeholder");
    }
}
