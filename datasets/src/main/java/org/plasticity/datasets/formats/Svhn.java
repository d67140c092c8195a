package org.plasticity.datasets.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plasticity.datasets.DataFileException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * SVHN's cropped-digits format ({@code train_32x32.mat}, {@code test_32x32.mat}): MATLAB v5
 * MAT-files with {@code X}, uint8 of size 32 x 32 x 3 x N (row, column, channel, image), and
 * {@code y}, N x 1 labels 1..10 where 10 is the digit 0. Read as torchvision's {@code SVHN} does:
 * pixel {@code (c, y, x)} of image {@code n} is {@code X(y, x, c, n)}, label 10 becomes 0.
 */
public final class Svhn {

    /** Folder under the data root. */
    public static final String FOLDER = "svhn";
    /** Training file name. */
    public static final String TRAIN = "train_32x32.mat";
    /** Test file name. */
    public static final String TEST = "test_32x32.mat";
    /** Number of classes. */
    public static final int CLASSES = 10;

    private static final int SIDE = 32;
    private static final int CHANNELS = 3;
    private static final int HEADER_TEXT = 116;

    private Svhn() {}

    /**
     * @param root the data root
     * @return {@code <root>/svhn/{train,test}_32x32.mat}, both located before either is read
     * @throws DataFileException if a file is missing or malformed
     */
    public static ImageDataset load(Path root) {
        SplitFiles files = SplitFiles.locate(root, FOLDER, TRAIN, TEST);
        Path train = files.train();
        Path test = files.test();
        return new ImageDataset("svhn", CLASSES, read(train), read(test));
    }

    /**
     * @param file an SVHN MAT-file
     * @return its images (3x32x32, planar) and labels 0..9
     * @throws DataFileException if the file is missing, not a v5 MAT-file, truncated, or its
     *     variables have other types or sizes
     */
    public static LabeledImages read(Path file) {
        checkHeader(file);
        try (MatFile mat = Mat5.readFromFile(file.toFile())) {
            Matrix x = variable(file, mat, "X");
            Matrix y = variable(file, mat, "y");
            int[] dx = x.getDimensions();
            if (x.getType() != MatlabType.UInt8 || dx.length != 4 || dx[0] != SIDE || dx[1] != SIDE
                    || dx[2] != CHANNELS) {
                throw DataFileException.corrupt(file, "X is " + x.getType() + " of size "
                        + Arrays.toString(dx) + ", expected uint8 of size [32, 32, 3, N]");
            }
            int n = dx[3];
            if (y.getNumElements() != n || y.getNumCols() != 1) {
                throw DataFileException.corrupt(file, "y has size " + Arrays.toString(y.getDimensions())
                        + ", expected [" + n + ", 1] (one label per image of X)");
            }
            return new LabeledImages(images(x, n), labels(file, y, n));
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw DataFileException.unreadable(file, "truncated or damaged MAT-file (" + reason(e) + ")", e);
        }
    }

    /** The MAT-file library wraps what went wrong; say it without exception class names. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof java.nio.BufferUnderflowException) {
                return "the file ends early";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.contains("Exception") ? "cannot be decoded" : m;
    }

    private static ImageSet images(Matrix x, int n) {
        int plane = SIDE * SIDE;
        byte[] pixels = new byte[Math.multiplyExact(n, CHANNELS * plane)];
        // column-major: X(y, x, c, n) is element y + 32 (x + 32 (c + 3 n)), so each channel plane
        // of an image is one block of 1024 stored column by column
        for (int block = 0; block < n * CHANNELS; block++) {
            int base = block * plane;
            for (int col = 0; col < SIDE; col++) {
                for (int row = 0; row < SIDE; row++) {
                    pixels[base + row * SIDE + col] = (byte) x.getLong(base + col * SIDE + row);
                }
            }
        }
        return new ImageSet(pixels, n, CHANNELS, SIDE, SIDE);
    }

    private static int[] labels(Path file, Matrix y, int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double v = y.getDouble(i);
            if (v != Math.rint(v) || v < 1 || v > CLASSES) {
                throw DataFileException.corrupt(file, "label " + v + " of image " + i
                        + " is outside 1..10 (10 stands for the digit 0)");
            }
            labels[i] = (int) v % CLASSES;
        }
        return labels;
    }

    private static Matrix variable(Path file, MatFile mat, String name) {
        List<String> names = new ArrayList<>();
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                Array a = e.getValue();
                if (a instanceof Matrix m) {
                    return m;
                }
                throw DataFileException.corrupt(file, name + " is " + a.getType()
                        + ", expected a numeric array");
            }
            names.add(e.getName());
        }
        throw DataFileException.corrupt(file, "has no variable " + name + " (variables: "
                + String.join(", ", names) + ")");
    }

    private static void checkHeader(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_TEXT);
        } catch (NoSuchFileException e) {
            throw DataFileException.missing(file);
        } catch (IOException e) {
            throw DataFileException.unreadable(file, "cannot read: " + e, e);
        }
        String text = new String(head, StandardCharsets.US_ASCII);
        if (text.startsWith("MATLAB 7.3")) {
            throw DataFileException.corrupt(file, "is a MATLAB 7.3 (HDF5) MAT-file; only v5 files "
                    + "are read (the official SVHN files are v5; re-save with save(f, '-v7'))");
        }
        if (!text.startsWith("MATLAB 5.0")) {
            throw DataFileException.corrupt(file, "not a MATLAB v5 MAT-file (no 'MATLAB 5.0' header)");
        }
    }
}
