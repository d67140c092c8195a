package org.plasticity.datasets.formats;

import java.util.Objects;

/**
 * Gray images as unsigned bytes, row-major: image {@code i}, row {@code y}, column {@code x} is
 * {@code pixels[i * rows * cols + y * cols + x] & 0xFF}.
 *
 * @param pixels the pixel bytes (not copied; treat as read-only)
 * @param count number of images
 * @param rows image height
 * @param cols image width
 */
public record ImageSet(byte[] pixels, int count, int rows, int cols) {

    /** Checks that the sizes agree with the pixel array. */
    public ImageSet {
        Objects.requireNonNull(pixels, "pixels");
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(
                    "bad image set shape " + count + "x" + rows + "x" + cols);
        }
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("pixel array has " + pixels.length
                    + " bytes, expected " + count + "x" + rows + "x" + cols);
        }
    }

    /** @return pixels per image, {@code rows * cols} */
    public int imageSize() {
        return rows * cols;
    }

    /**
     * @param image image index
     * @param offset pixel index within the image, {@code y * cols + x}
     * @return the pixel value 0..255
     */
    public int pixel(int image, int offset) {
        return pixels[image * imageSize() + offset] & 0xFF;
    }
}
