package org.plasticity.datasets.formats;

import java.nio.file.Path;
import java.util.Objects;
import org.plasticity.datasets.DataFileException;

/**
 * An MNIST-format data set (MNIST, Fashion-MNIST): official train and test splits of 28x28 gray
 * images with labels 0..9, read from {@code <root>/<folder>/{train,t10k}-{images-idx3,labels-idx1}-ubyte}
 * (name variants and {@code .gz} accepted, see {@link IdxFile#locate}).
 *
 * @param folder the data set's folder name under the data root, e.g. {@value #MNIST}
 * @param train the training split
 * @param test the test split
 */
public record MnistLike(String folder, LabeledImages train, LabeledImages test) {

    /** Folder of MNIST. */
    public static final String MNIST = "mnist";
    /** Folder of Fashion-MNIST. */
    public static final String FASHION_MNIST = "fashion-mnist";
    /** Number of classes; every label is below it. */
    public static final int CLASSES = 10;

    /** Checks that both splits have images of the same shape. */
    public MnistLike {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.images().rows() != test.images().rows()
                || train.images().cols() != test.images().cols()) {
            throw new IllegalArgumentException("train and test images differ in shape");
        }
    }

    /**
     * Reads all four files at once, so a missing or corrupt one fails here.
     *
     * @param root the data root
     * @param folder the data set's folder under the root ({@value #MNIST} or {@value #FASHION_MNIST})
     * @return the data set
     * @throws DataFileException if a file is missing or malformed, or a label is not 0..9
     */
    public static MnistLike load(Path root, String folder) {
        Path dir = root.resolve(folder);
        // Locate all four files before reading any, so a missing one fails without delay.
        Path trainImages = IdxFile.locate(dir, "train-images-idx3-ubyte");
        Path trainLabels = IdxFile.locate(dir, "train-labels-idx1-ubyte");
        Path testImages = IdxFile.locate(dir, "t10k-images-idx3-ubyte");
        Path testLabels = IdxFile.locate(dir, "t10k-labels-idx1-ubyte");
        LabeledImages train = readSplit(trainImages, trainLabels);
        LabeledImages test = readSplit(testImages, testLabels);
        if (train.images().rows() != test.images().rows()
                || train.images().cols() != test.images().cols()) {
            throw DataFileException.corrupt(testImages,
                    "images are " + test.images().rows() + "x" + test.images().cols()
                            + " but the training images are " + train.images().rows() + "x"
                            + train.images().cols());
        }
        return new MnistLike(folder, train, test);
    }

    /** @return pixels per image */
    public int imageSize() {
        return train.images().imageSize();
    }

    private static LabeledImages readSplit(Path images, Path labels) {
        LabeledImages pair = IdxFile.readPair(images, labels);
        int[] values = pair.labels();
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= CLASSES) {
                throw DataFileException.corrupt(labels, "label " + values[i] + " of sample " + i
                        + " is outside 0.." + (CLASSES - 1));
            }
        }
        return pair;
    }
}
