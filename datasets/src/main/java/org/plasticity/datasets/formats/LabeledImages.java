package org.plasticity.datasets.formats;

import java.util.List;
import java.util.Objects;

/**
 * Images with one class label each.
 *
 * @param images the images
 * @param labels one label per image (not copied; treat as read-only)
 */
public record LabeledImages(ImageSet images, int[] labels) {

    /** Checks that there is exactly one label per image. */
    public LabeledImages {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(
                    images.count() + " images but " + labels.length + " labels");
        }
    }

    /**
     * @param parts labeled images of one shape, in order
     * @return them one after the other (the part itself when there is only one)
     * @throws IllegalArgumentException if there are none or their shapes differ
     */
    public static LabeledImages concat(List<LabeledImages> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ImageSet first = parts.get(0).images();
        int n = 0;
        for (LabeledImages p : parts) {
            if (!p.images().sameShape(first)) {
                throw new IllegalArgumentException("images of shapes " + first.shapeText() + " and "
                        + p.images().shapeText());
            }
            n += p.size();
        }
        byte[] pixels = new byte[Math.multiplyExact(n, first.imageSize())];
        int[] labels = new int[n];
        int at = 0;
        for (LabeledImages p : parts) {
            System.arraycopy(p.images().pixels(), 0, pixels, at * first.imageSize(),
                    p.images().pixels().length);
            System.arraycopy(p.labels(), 0, labels, at, p.size());
            at += p.size();
        }
        return new LabeledImages(
                new ImageSet(pixels, n, first.channels(), first.rows(), first.cols()), labels);
    }

    /** @return number of samples */
    public int size() {
        return labels.length;
    }

    /**
     * @param classes number of classes; every label must be below it
     * @return how many samples each class has
     */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
