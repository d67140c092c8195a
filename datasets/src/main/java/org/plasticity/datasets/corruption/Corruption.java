package org.plasticity.datasets.corruption;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The 15 CIFAR-10-C corruptions of Hendrycks and Dietterich in their canonical order, each with
 * the snake_case name configs and result files use. docs/CORRUPTIONS.md gives the parameter
 * tables and says which ones are exact re-implementations and which are substitutes.
 */
public enum Corruption {
    GAUSSIAN_NOISE("gaussian_noise", true, (g, f) -> new GaussianNoise()),
    SHOT_NOISE("shot_noise", true, (g, f) -> new ShotNoise()),
    IMPULSE_NOISE("impulse_noise", true, (g, f) -> new ImpulseNoise()),
    DEFOCUS_BLUR("defocus_blur", false, (g, f) -> new DefocusBlur(g)),
    GLASS_BLUR("glass_blur", true, (g, f) -> new GlassBlur(g)),
    MOTION_BLUR("motion_blur", true, (g, f) -> new MotionBlur(g)),
    ZOOM_BLUR("zoom_blur", false, (g, f) -> new ZoomBlur(g)),
    SNOW("snow", true, (g, f) -> new Snow(g)),
    FROST("frost", true, Frost::new),
    FOG("fog", true, (g, f) -> new Fog(g)),
    BRIGHTNESS("brightness", false, (g, f) -> new Brightness(g)),
    CONTRAST("contrast", false, (g, f) -> new Contrast(g)),
    ELASTIC_TRANSFORM("elastic_transform", true, (g, f) -> new ElasticTransform(g)),
    PIXELATE("pixelate", false, (g, f) -> new Pixelate(g)),
    JPEG_COMPRESSION("jpeg_compression", false, (g, f) -> new JpegCompression(g));

    /** Builds the implementation of a corruption for one image geometry. */
    @FunctionalInterface
    interface Factory {
        ImageCorruption create(ImageGeometry geometry, Optional<FrostTextures> frost);
    }

    private final String configName;
    private final boolean stochastic;
    private final Factory factory;

    Corruption(String configName, boolean stochastic, Factory factory) {
        this.configName = configName;
        this.stochastic = stochastic;
        this.factory = factory;
    }

    /** @return the snake_case name, e.g. {@code gaussian_noise} */
    public String configName() {
        return configName;
    }

    /**
     * @return whether the result depends on the random numbers; contrast, brightness, defocus,
     *     zoom, pixelate and jpeg are functions of the image alone
     */
    public boolean stochastic() {
        return stochastic;
    }

    /**
     * @param name a snake_case name such as {@code motion_blur}
     * @return the corruption with that name, empty if there is none
     */
    public static Optional<Corruption> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equals(name)).findFirst();
    }

    /** @return the names in canonical order, for error messages */
    public static List<String> names() {
        return Arrays.stream(values()).map(Corruption::configName).toList();
    }

    ImageCorruption create(ImageGeometry geometry, Optional<FrostTextures> frost) {
        return factory.create(geometry, frost);
    }
}
