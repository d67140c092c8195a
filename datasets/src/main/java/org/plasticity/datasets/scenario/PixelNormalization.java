package org.plasticity.datasets.scenario;

import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.MnistLike;

/**
 * Maps pixel bytes to floats as torchvision's {@code ToTensor()} then {@code Normalize(mean, std)}
 * do, in float arithmetic: {@code (p / 255f - mean) / std}.
 *
 * @param mean mean subtracted after scaling to [0, 1]
 * @param std standard deviation divided by, positive
 */
public record PixelNormalization(float mean, float std) {

    /** MNIST's usual statistics. */
    public static final PixelNormalization MNIST = new PixelNormalization(0.1307f, 0.3081f);
    /** Fashion-MNIST's usual statistics. */
    public static final PixelNormalization FASHION_MNIST = new PixelNormalization(0.2860f, 0.3530f);
    /** Scaling only, to [0, 1] (for rate or latency spike encodings). */
    public static final PixelNormalization UNIT = new PixelNormalization(0f, 1f);

    /**
     * @param folder an MNIST-format data set's folder name ({@code mnist} or {@code fashion-mnist})
     * @return that data set's usual statistics
     */
    public static PixelNormalization forDataset(String folder) {
        return switch (folder) {
            case MnistLike.MNIST -> MNIST;
            case MnistLike.FASHION_MNIST -> FASHION_MNIST;
            default -> throw new IllegalArgumentException(
                    "no normalization statistics for data set '" + folder + "'");
        };
    }

    /** Checks that std is positive. */
    public PixelNormalization {
        if (!(std > 0f)) {
            throw new IllegalArgumentException("std must be positive, got " + std);
        }
    }

    /**
     * @param pixel 0..255
     * @return the normalized value
     */
    public float apply(int pixel) {
        return (pixel / 255f - mean) / std;
    }

    /**
     * @param images source images (every channel normalized alike)
     * @param samples indices of the images to convert, in output order
     * @return {@code samples.length * imageSize} floats, in the images' order
     */
    public float[] apply(ImageSet images, int[] samples) {
        return ChannelNormalization.repeat(this, images.channels()).apply(images, samples);
    }
}
