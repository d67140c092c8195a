package org.plasticity.datasets.scenario;

import java.util.Arrays;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.LabeledImages;

/**
 * Pixel-byte transforms the reference protocols apply before {@code ToTensor()}: torchvision's
 * {@code Pad(padding, fill=0)}, the repetition of a gray channel to three
 * ({@code image.expand(1, 3, H, W)}), taking the first n samples, and PIL's bilinear
 * {@code resize} ({@link PilResize}).
 */
public final class ImageTransforms {

    private ImageTransforms() {}

    /**
     * @param images source images
     * @param padding zero pixels added on every side
     * @return images {@code (rows + 2 padding) x (cols + 2 padding)}, source pixels in the middle
     */
    public static ImageSet pad(ImageSet images, int padding) {
        int rows = images.rows() + 2 * padding;
        int cols = images.cols() + 2 * padding;
        int planes = images.count() * images.channels();
        byte[] out = new byte[Math.multiplyExact(planes, rows * cols)];
        byte[] in = images.pixels();
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < images.rows(); y++) {
                System.arraycopy(in, (p * images.rows() + y) * images.cols(), out,
                        (p * rows + y + padding) * cols + padding, images.cols());
            }
        }
        return new ImageSet(out, images.count(), images.channels(), rows, cols);
    }

    /**
     * @param images gray images (one channel)
     * @param channels how many equal channels to make
     * @return every image's plane repeated {@code channels} times
     */
    public static ImageSet repeatChannels(ImageSet images, int channels) {
        if (images.channels() != 1) {
            throw new IllegalArgumentException("expected gray images, got " + images.channels()
                    + " channels");
        }
        int plane = images.planeSize();
        byte[] out = new byte[Math.multiplyExact(images.count() * channels, plane)];
        for (int i = 0; i < images.count(); i++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(images.pixels(), i * plane, out, (i * channels + c) * plane, plane);
            }
        }
        return new ImageSet(out, images.count(), channels, images.rows(), images.cols());
    }

    /**
     * @param data labeled images
     * @param limit the number of samples to keep, or null for all
     * @param option the option's name for the error message
     * @return the first {@code min(limit, size)} samples (the data itself when nothing is cut)
     */
    public static LabeledImages first(LabeledImages data, Integer limit, String option) {
        int n = Limits.apply(limit, data.size(), option);
        if (n == data.size()) {
            return data;
        }
        ImageSet i = data.images();
        byte[] pixels = Arrays.copyOf(i.pixels(), n * i.imageSize());
        return new LabeledImages(new ImageSet(pixels, n, i.channels(), i.rows(), i.cols()),
                Arrays.copyOf(data.labels(), n));
    }
}
