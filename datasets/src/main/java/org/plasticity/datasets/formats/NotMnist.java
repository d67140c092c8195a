package org.plasticity.datasets.formats;

import java.nio.file.Path;
import org.plasticity.datasets.DataFileException;

/**
 * notMNIST as the 5-Datasets loader of HAT/GPM/HLOP reads it: {@code notmnist_train.pkl} and
 * {@code notmnist_test.pkl} from {@code notmnist.zip} of nkundiushuti/notmnist_convert (the letters
 * A..J of notMNIST_small resized to 32x32, split 90/10), each a pickled dict with
 * {@code features}, uint8 N x 1 x 32 x 32, and {@code labels}, N labels 0..9 (A..J).
 */
public final class NotMnist {

    /** Folder under the data root. */
    public static final String FOLDER = "notmnist";
    /** Training file name. */
    public static final String TRAIN = "notmnist_train.pkl";
    /** Test file name. */
    public static final String TEST = "notmnist_test.pkl";
    /** Number of classes (letters A..J). */
    public static final int CLASSES = 10;

    private static final int SIDE = 32;

    private NotMnist() {}

    /**
     * @param root the data root
     * @return {@code <root>/notmnist/notmnist_{train,test}.pkl}, both located before either is read
     * @throws DataFileException if a file is missing or malformed
     */
    public static ImageDataset load(Path root) {
        SplitFiles files = SplitFiles.locate(root, FOLDER, TRAIN, TEST);
        Path train = files.train();
        Path test = files.test();
        return new ImageDataset("notmnist", CLASSES, read(train), read(test));
    }

    /**
     * @param file a notMNIST pickle
     * @return its gray 32x32 images and labels
     * @throws DataFileException if the file is missing or not such a pickle
     */
    public static LabeledImages read(Path file) {
        PickledDict dict = PickledDict.read(file);
        ImageSet images = ArrayImages.planar(file, "features", dict.array("features"), 1, SIDE, SIDE);
        return new LabeledImages(images, dict.labels("labels", images.count(), CLASSES));
    }
}
