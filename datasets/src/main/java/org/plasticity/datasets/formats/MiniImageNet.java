package org.plasticity.datasets.formats;

import java.nio.file.Path;
import org.plasticity.datasets.DataFileException;

/**
 * miniImageNet in the GPM format the HLOP reference reads ({@code dataloader/miniimagenet.py}):
 * {@code miniimagenet/train.pkl} and {@code miniimagenet/test.pkl}, each a pickled dict with
 * {@code images}, uint8 N x H x W x 3 (84 x 84 in the GPM files), and {@code labels}, N class ids
 * 0..99. Images are converted to planar CHW; their size is kept (scenarios resize).
 */
public final class MiniImageNet {

    /** Folder under the data root. */
    public static final String FOLDER = "miniimagenet";
    /** Training file name. */
    public static final String TRAIN = "train.pkl";
    /** Test file name. */
    public static final String TEST = "test.pkl";
    /** Number of classes. */
    public static final int CLASSES = 100;

    private static final int CHANNELS = 3;

    private MiniImageNet() {}

    /**
     * @param root the data root
     * @return {@code <root>/miniimagenet/{train,test}.pkl}, both located before either is read
     * @throws DataFileException if a file is missing or malformed, or the splits differ in size
     */
    public static ImageDataset load(Path root) {
        SplitFiles files = SplitFiles.locate(root, FOLDER, TRAIN, TEST);
        Path train = files.train();
        Path test = files.test();
        LabeledImages trainSet = read(train);
        LabeledImages testSet = read(test);
        if (!trainSet.images().sameShape(testSet.images())) {
            throw DataFileException.corrupt(test, "images are " + testSet.images().shapeText()
                    + " but the training images are " + trainSet.images().shapeText());
        }
        return new ImageDataset("miniimagenet", CLASSES, trainSet, testSet);
    }

    /**
     * @param file a GPM-format miniImageNet pickle
     * @return its RGB images (CHW) and labels
     * @throws DataFileException if the file is missing or not such a pickle
     */
    public static LabeledImages read(Path file) {
        PickledDict dict = PickledDict.read(file);
        ImageSet images = ArrayImages.interleaved(file, "images", dict.array("images"), CHANNELS);
        return new LabeledImages(images, dict.labels("labels", images.count(), CLASSES));
    }
}
