package org.plasticity.datasets.formats;

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
