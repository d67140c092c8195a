package org.plasticity.datasets.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.plasticity.datasets.formats.ImageSet;

/**
 * torchvision's {@code ToTensor()} then {@code Normalize(mean, std)} on CHW images, each channel
 * with its own statistics, in float arithmetic: channel {@code c} maps pixel {@code p} to
 * {@code (p / 255f - mean_c) / std_c}.
 *
 * @param channels one normalization per channel, in channel order
 */
public record ChannelNormalization(List<PixelNormalization> channels) {

    /** Checks that there is at least one channel and copies the list. */
    public ChannelNormalization {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no channel");
        }
    }

    /**
     * Statistics given as the reference writes them, e.g. {@code [x/255 for x in [125.3, 123.0,
     * 113.9]]}: each double is rounded to float as torch does when it builds the tensor.
     *
     * @param mean per-channel means on the [0, 1] scale
     * @param std per-channel deviations on the [0, 1] scale
     * @return the normalization
     */
    public static ChannelNormalization of(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " stds");
        }
        PixelNormalization[] c = new PixelNormalization[mean.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = new PixelNormalization((float) mean[i], (float) std[i]);
        }
        return new ChannelNormalization(List.of(c));
    }

    /**
     * @param norm one normalization
     * @param channels how many channels share it
     * @return it for every channel (a gray image repeated to RGB, or plain scaling)
     */
    public static ChannelNormalization repeat(PixelNormalization norm, int channels) {
        return new ChannelNormalization(Collections.nCopies(channels, norm));
    }

    /**
     * @param images source images with {@code channels().size()} channels
     * @param samples indices of the images to convert, in output order
     * @return {@code samples.length * imageSize} floats, CHW per image
     */
    public float[] apply(ImageSet images, int[] samples) {
        Objects.requireNonNull(images, "images");
        int c = channels.size();
        if (images.channels() != c) {
            throw new IllegalArgumentException("images have " + images.channels()
                    + " channels, the normalization " + c);
        }
        float[][] tables = new float[c][256];
        for (int k = 0; k < c; k++) {
            for (int p = 0; p < 256; p++) {
                tables[k][p] = channels.get(k).apply(p);
            }
        }
        int dim = images.imageSize();
        int plane = images.planeSize();
        byte[] pixels = images.pixels();
        float[] out = new float[Math.multiplyExact(samples.length, dim)];
        for (int j = 0; j < samples.length; j++) {
            int src = samples[j] * dim;
            int dst = j * dim;
            for (int ch = 0, k = 0; ch < c; ch++) {
                float[] table = tables[ch];
                for (int end = k + plane; k < end; k++) {
                    out[dst + k] = table[pixels[src + k] & 0xFF];
                }
            }
        }
        return out;
    }
}
