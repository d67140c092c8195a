package org.plasticity.datasets.corruption;

/** One corruption for one image geometry: a uint8 CHW image in, a new one out. */
interface ImageCorruption {

    /**
     * @param chw the clean image, CHW, not modified
     * @param level severity minus one, 0..4
     * @param draws the image's random numbers
     * @return the corrupted image, CHW, a new array
     */
    byte[] apply(byte[] chw, int level, Draws draws);
}
