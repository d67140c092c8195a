package org.plasticity.datasets.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.datasets.DataFileException;

/**
 * CIFAR-10 and CIFAR-100 in either of their official distributions, under the folder names the
 * archives unpack to:
 * <ul>
 *   <li>binary version ({@code cifar-10-batches-bin/data_batch_1..5.bin, test_batch.bin};
 *       {@code cifar-100-binary/train.bin, test.bin}): records of the label byte(s) (CIFAR-100:
 *       coarse, then fine) followed by 3072 pixel bytes, the R, G and B planes of a 32x32 image;
 *   <li>Python version ({@code cifar-10-batches-py/data_batch_1..5, test_batch};
 *       {@code cifar-100-python/train, test}): pickled dicts with {@code data}, a uint8 numpy array
 *       N x 3072 in the same planar order, and {@code labels} (CIFAR-10) or {@code fine_labels}
 *       (CIFAR-100).
 * </ul>
 * The binary folder is used when it exists, else the Python one. CIFAR-100's labels are the fine
 * labels (0..99), as torchvision's {@code CIFAR100} gives them.
 */
public enum Cifar {

    /** CIFAR-10: 10 classes, five training batches. */
    CIFAR10("cifar-10", 10, 1, "cifar-10-batches-bin", "cifar-10-batches-py",
            List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5"),
            "test_batch", "labels"),
    /** CIFAR-100: 100 fine classes in 20 coarse ones, one training file. */
    CIFAR100("cifar-100", 100, 2, "cifar-100-binary", "cifar-100-python", List.of("train"), "test",
            "fine_labels");

    /** Image side length. */
    public static final int SIDE = 32;
    /** Colour channels. */
    public static final int CHANNELS = 3;
    /** Pixel bytes per record. */
    public static final int PIXELS = CHANNELS * SIDE * SIDE;

    private static final int COARSE_CLASSES = 20;
    private static final String BIN = ".bin";

    private final String datasetName;
    private final int classes;
    private final int labelBytes;
    private final String binaryFolder;
    private final String pythonFolder;
    private final List<String> trainFiles;
    private final String testFile;
    private final String labelKey;

    Cifar(String datasetName, int classes, int labelBytes, String binaryFolder, String pythonFolder,
            List<String> trainFiles, String testFile, String labelKey) {
        this.datasetName = datasetName;
        this.classes = classes;
        this.labelBytes = labelBytes;
        this.binaryFolder = binaryFolder;
        this.pythonFolder = pythonFolder;
        this.trainFiles = trainFiles;
        this.testFile = testFile;
        this.labelKey = labelKey;
    }

    /** @return number of classes */
    public int classes() {
        return classes;
    }

    /** @return the binary version's folder name under the data root */
    public String binaryFolder() {
        return binaryFolder;
    }

    /** @return the Python version's folder name under the data root */
    public String pythonFolder() {
        return pythonFolder;
    }

    /** @return bytes per record of the binary version: label bytes plus {@link #PIXELS} */
    public int recordBytes() {
        return labelBytes + PIXELS;
    }

    /**
     * Reads both splits, binary version if {@code <root>/<binaryFolder>} exists, else the Python
     * version; every file is located before any is read.
     *
     * @param root the data root
     * @return the data set, images 3x32x32
     * @throws DataFileException if a file is missing or malformed
     */
    public ImageDataset load(Path root) {
        boolean binary = Files.isDirectory(root.resolve(binaryFolder))
                || !Files.isDirectory(root.resolve(pythonFolder));
        Path dir = root.resolve(binary ? binaryFolder : pythonFolder);
        String suffix = binary ? BIN : "";
        List<Path> train = new ArrayList<>();
        for (String f : trainFiles) {
            train.add(existing(dir.resolve(f + suffix)));
        }
        Path test = existing(dir.resolve(testFile + suffix));
        List<LabeledImages> parts = new ArrayList<>();
        for (Path f : train) {
            parts.add(binary ? readBinary(f) : readPython(f));
        }
        return new ImageDataset(datasetName, classes, LabeledImages.concat(parts),
                binary ? readBinary(test) : readPython(test));
    }

    /**
     * @param file a binary-version file: whole records, at least one
     * @return its images (3x32x32, planar) and labels (CIFAR-100: the fine labels)
     * @throws DataFileException if the file is missing, empty, not whole records, or a label is
     *     out of range
     */
    public LabeledImages readBinary(Path file) {
        byte[] b = DataBytes.read(file);
        int record = recordBytes();
        if (b.length == 0 || b.length % record != 0) {
            throw DataFileException.corrupt(file, "truncated: " + b.length + " bytes is not a whole"
                    + " number of " + record + "-byte " + datasetName + " records");
        }
        int n = b.length / record;
        byte[] pixels = new byte[n * PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int at = i * record;
            if (labelBytes == 2 && (b[at] & 0xFF) >= COARSE_CLASSES) {
                throw DataFileException.corrupt(file, "coarse label " + (b[at] & 0xFF) + " of record "
                        + i + " is outside 0.." + (COARSE_CLASSES - 1));
            }
            labels[i] = b[at + labelBytes - 1] & 0xFF;
            if (labels[i] >= classes) {
                throw DataFileException.corrupt(file, "label " + labels[i] + " of record " + i
                        + " is outside 0.." + (classes - 1));
            }
            System.arraycopy(b, at + labelBytes, pixels, i * PIXELS, PIXELS);
        }
        return new LabeledImages(new ImageSet(pixels, n, CHANNELS, SIDE, SIDE), labels);
    }

    /**
     * @param file a Python-version batch: a pickled dict with {@code data} and the labels
     * @return its images (3x32x32, planar) and labels
     * @throws DataFileException if the file is missing, not such a pickle, or a label is out of
     *     range
     */
    public LabeledImages readPython(Path file) {
        PickledDict dict = PickledDict.read(file);
        ImageSet images = ArrayImages.planar(file, "data", dict.array("data"), CHANNELS, SIDE, SIDE);
        return new LabeledImages(images, dict.labels(labelKey, images.count(), classes));
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DataFileException.missing(file);
        }
        return file;
    }
}
