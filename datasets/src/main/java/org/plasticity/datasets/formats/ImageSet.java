package org.plasticity.datasets.formats;

import java.util.Objects;

/**
 * Images as unsigned bytes in planar CHW order (PyTorch's layout): image {@code i}, channel
 * {@code c}, row {@code y}, column {@code x} is
 * {@code pixels[((i * channels + c) * rows + y) * cols + x] & 0xFF}. Gray images have one channel.
 *
 * @param pixels the pixel bytes (not copied; treat as read-only)
 * @param count number of images
 * @param channels channels per image (1 gray, 3 RGB)
 * @param rows image height
 * @param cols image width
 */
public record ImageSet(byte[] pixels, int count, int channels, int rows, int cols) {

    /** Checks that the sizes agree with the pixel array. */
    public ImageSet {
        Objects.requireNonNull(pixels, "pixels");
        if (count < 0 || channels <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("bad image set shape " + count + "x" + channels
                    + "x" + rows + "x" + cols);
        }
        if (pixels.length != (long) count * channels * rows * cols) {
            throw new IllegalArgumentException("pixel array has " + pixels.length
                    + " bytes, expected " + count + "x" + channels + "x" + rows + "x" + cols);
        }
    }

    /**
     * Gray images.
     *
     * @param pixels the pixel bytes, row-major per image (not copied)
     * @param count number of images
     * @param rows image height
     * @param cols image width
     */
    public ImageSet(byte[] pixels, int count, int rows, int cols) {
        this(pixels, count, 1, rows, cols);
    }

    /**
     * Converts interleaved HWC images (numpy's and PIL's layout) to planar CHW: CHW pixel
     * {@code (i, c, y, x)} is HWC byte {@code offset + ((i * rows + y) * cols + x) * channels + c}.
     *
     * @param hwc the interleaved bytes
     * @param offset where image 0 starts in {@code hwc}
     * @param count number of images to convert
     * @param rows image height
     * @param cols image width
     * @param channels channels per pixel
     * @return the images in CHW order (a new array)
     */
    public static ImageSet fromChannelsLast(
            byte[] hwc, int offset, int count, int rows, int cols, int channels) {
        int plane = rows * cols;
        byte[] chw = new byte[Math.multiplyExact(Math.multiplyExact(count, channels), plane)];
        for (int i = 0; i < count; i++) {
            int src = offset + i * plane * channels;
            int dst = i * plane * channels;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    chw[dst + c * plane + p] = hwc[src + p * channels + c];
                }
            }
        }
        return new ImageSet(chw, count, channels, rows, cols);
    }

    /** @return bytes per image, {@code channels * rows * cols} */
    public int imageSize() {
        return channels * rows * cols;
    }

    /** @return pixels per channel plane, {@code rows * cols} */
    public int planeSize() {
        return rows * cols;
    }

    /**
     * @param image image index
     * @param offset byte index within the image, {@code (c * rows + y) * cols + x}
     * @return the pixel value 0..255
     */
    public int pixel(int image, int offset) {
        return pixels[image * imageSize() + offset] & 0xFF;
    }

    /** @return true when {@code other} has the same channels, rows and columns */
    public boolean sameShape(ImageSet other) {
        return channels == other.channels && rows == other.rows && cols == other.cols;
    }

    /** @return the shape of one image as text, e.g. {@code 3x32x32} */
    public String shapeText() {
        return channels + "x" + rows + "x" + cols;
    }
}
