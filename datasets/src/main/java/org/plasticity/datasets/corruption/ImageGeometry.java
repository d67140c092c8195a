package org.plasticity.datasets.corruption;

/**
 * The shape of one uint8 image in CHW layout: value {@code (c, y, x)} is at
 * {@code c·height·width + y·width + x}.
 *
 * @param channels 1 (grey) or 3 (RGB)
 * @param height rows
 * @param width columns
 */
public record ImageGeometry(int channels, int height, int width) {

    /** Checks the channel count and that both sides are positive. */
    public ImageGeometry {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad image size " + height + "x" + width);
        }
    }

    /** @return pixels per channel, {@code height·width} */
    public int planeSize() {
        return height * width;
    }

    /** @return values per image, {@code channels·height·width} */
    public int imageSize() {
        return channels * height * width;
    }

    /** @return e.g. {@code 3x32x32} */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
