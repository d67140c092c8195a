package org.plasticity.datasets.corruption;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Corrupts a whole image set. Image i draws from its own {@link SplittableRandom}, seeded with
 * {@code mix(mix(mix(mix(seed) + ordinal) + severity) + i)} where mix is SplitMix64's finaliser
 * (Stafford's variant 13) and ordinal the corruption's position in {@link Corruption}; so every
 * image depends only on (seed, corruption, severity, i) and the result is the same for any thread
 * count or batching.
 */
public final class CorruptedImages {

    private CorruptedImages() {}

    /**
     * @param pixels {@code count} uint8 CHW images, one after the other
     * @param count the number of images
     * @param geometry their shape (square)
     * @param corruption which corruption
     * @param severity 1..5
     * @param seed the set's seed
     * @return the corrupted images in the same layout, with procedural frost
     */
    public static byte[] corrupt(byte[] pixels, int count, ImageGeometry geometry, Corruption corruption,
            int severity, long seed) {
        return corrupt(new Corruptor(geometry), pixels, count, corruption, severity, seed);
    }

    /**
     * @param corruptor the corruptor (its geometry, and its frost photos if it has them)
     * @param pixels {@code count} uint8 CHW images, one after the other
     * @param count the number of images
     * @param corruption which corruption
     * @param severity 1..5
     * @param seed the set's seed
     * @return the corrupted images in the same layout
     */
    public static byte[] corrupt(Corruptor corruptor, byte[] pixels, int count, Corruption corruption,
            int severity, long seed) {
        Objects.requireNonNull(corruption, "corruption");
        int size = corruptor.geometry().imageSize();
        if (count < 0 || pixels.length != (long) count * size) {
            throw new IllegalArgumentException("pixel array has " + pixels.length + " values, expected "
                    + count + " images of " + corruptor.geometry());
        }
        byte[] out = new byte[pixels.length];
        IntStream.range(0, count).parallel().forEach(i -> {
            byte[] image = new byte[size];
            System.arraycopy(pixels, i * size, image, 0, size);
            byte[] corrupted = corruptor.apply(corruption, severity, image, randomFor(seed, corruption, severity, i));
            System.arraycopy(corrupted, 0, out, i * size, size);
        });
        return out;
    }

    /**
     * @param seed the set's seed
     * @param corruption the corruption
     * @param severity its severity
     * @param index the image's position in the set
     * @return the random numbers image {@code index} is corrupted with
     */
    public static SplittableRandom randomFor(long seed, Corruption corruption, int severity, int index) {
        long key = mix(mix(mix(mix(seed) + corruption.ordinal()) + severity) + index);
        return new SplittableRandom(key);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
