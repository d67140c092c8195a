package org.plasticity.datasets.corruption;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Applies the 15 corruptions to uint8 CHW images of one square geometry, with the CIFAR-10-C
 * parameter tables for 32 px and the same tables scaled to the side S otherwise (docs/CORRUPTIONS.md
 * lists every scaled value). Results are truncated to uint8 like the reference's {@code np.uint8}.
 * Frost uses the reference's photos when they are given, a procedural substitute otherwise.
 * Thread-safe: implementations hold only tables built here.
 */
public final class Corruptor {

    /** Severities run from 1 to this. */
    public static final int MAX_SEVERITY = 5;

    private final ImageGeometry geometry;
    private final Map<Corruption, ImageCorruption> corruptions = new EnumMap<>(Corruption.class);
    private final boolean frostPhotos;

    /**
     * A corruptor whose frost is the procedural substitute.
     *
     * @param geometry a square image shape
     */
    public Corruptor(ImageGeometry geometry) {
        this(geometry, Optional.empty());
    }

    /**
     * @param geometry a square image shape
     * @param frost the reference's frost photos, or empty for the procedural substitute
     * @throws org.plasticity.datasets.DataFileException if a photo is too small for the geometry
     */
    public Corruptor(ImageGeometry geometry, Optional<FrostTextures> frost) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (geometry.height() != geometry.width()) {
            throw new IllegalArgumentException("corruptions need square images, got " + geometry);
        }
        for (Corruption c : Corruption.values()) {
            corruptions.put(c, c.create(geometry, frost));
        }
        this.frostPhotos = frost.isPresent();
    }

    /** @return the image shape this corruptor was built for */
    public ImageGeometry geometry() {
        return geometry;
    }

    /**
     * @return whether frost blends the reference's photos; false means "frost (procedural
     *     substitute)"
     */
    public boolean usesFrostPhotos() {
        return frostPhotos;
    }

    /**
     * @param corruption which corruption
     * @param severity 1..5
     * @param chwImage one uint8 image in CHW layout, not modified
     * @param rng the image's random numbers (deterministic corruptions draw none)
     * @return the corrupted image, a new CHW array
     */
    public byte[] apply(Corruption corruption, int severity, byte[] chwImage, SplittableRandom rng) {
        Objects.requireNonNull(corruption, "corruption");
        if (severity < 1 || severity > MAX_SEVERITY) {
            throw new IllegalArgumentException("severity must be 1.." + MAX_SEVERITY + ", got " + severity);
        }
        if (chwImage.length != geometry.imageSize()) {
            throw new IllegalArgumentException("image has " + chwImage.length + " values, expected "
                    + geometry.imageSize() + " for " + geometry);
        }
        return corruptions.get(corruption).apply(chwImage, severity - 1, new Draws(rng));
    }
}
