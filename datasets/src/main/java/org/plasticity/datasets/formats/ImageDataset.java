package org.plasticity.datasets.formats;

import java.util.Objects;

/**
 * An image classification data set with its official train and test splits, every label below
 * {@code classes}, all images of one shape.
 *
 * @param name the data set's name, e.g. {@code cifar-100}
 * @param classes number of classes
 * @param train the training split
 * @param test the test split
 */
public record ImageDataset(String name, int classes, LabeledImages train, LabeledImages test) {

    /** Checks that both splits have images of one shape and labels below {@code classes}. */
    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!train.images().sameShape(test.images())) {
            throw new IllegalArgumentException("train images are " + train.images().shapeText()
                    + " but test images are " + test.images().shapeText());
        }
        checkLabels(train.labels(), classes);
        checkLabels(test.labels(), classes);
    }

    /**
     * @param mnist an MNIST-format data set
     * @return the same splits as an image data set named after its folder
     */
    public static ImageDataset of(MnistLike mnist) {
        return new ImageDataset(mnist.folder(), MnistLike.CLASSES, mnist.train(), mnist.test());
    }

    /** @return the images' shape {@code [C, H, W]} */
    public long[] shape() {
        ImageSet i = train.images();
        return new long[] {i.channels(), i.rows(), i.cols()};
    }

    private static void checkLabels(int[] labels, int classes) {
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
            }
        }
    }
}
