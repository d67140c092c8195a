package org.plasticity.datasets.corruption;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The 15 standard corruptions (Hendrycks &amp; Dietterich 2019), in canonical order. */
public enum Corruption {
    GAUSSIAN_NOISE, SHOT_NOISE, IMPULSE_NOISE, DEFOCUS_BLUR, GLASS_BLUR, MOTION_BLUR, ZOOM_BLUR, SNOW, FROST, FOG,
    BRIGHTNESS, CONTRAST, ELASTIC_TRANSFORM, PIXELATE, JPEG_COMPRESSION;

    /** The name configs and result files use ({@code gaussian_noise}). */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The corruption of a config name. */
    public static Optional<Corruption> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName().equals(name)).findFirst();
    }

    /** Every config name, in canonical order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Corruption::configName).toList();
    }
}
