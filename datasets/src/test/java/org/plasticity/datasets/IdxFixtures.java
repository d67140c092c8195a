package org.plasticity.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small synthetic IDX data sets for tests. */
public final class IdxFixtures {

    /** Salt of the training images written by {@link #writeMnistLike}. */
    public static final int TRAIN_SALT = 3;
    /** Salt of the test images written by {@link #writeMnistLike}. */
    public static final int TEST_SALT = 101;

    private IdxFixtures() {}

    /**
     * @return IDX images bytes: magic 0x00000803, count, rows, cols, pixels
     */
    public static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(0x00000803).putInt(count)
                .putInt(rows).putInt(cols).put(pixels).array();
    }

    /** @return IDX labels bytes: magic 0x00000801, count, labels */
    public static byte[] labels(int[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(0x00000801)
                .putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    /** Writes content to file, gzip-compressed if asked; creates parent folders. */
    public static Path write(Path file, byte[] content, boolean gzip) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, gzip ? gzip(content) : content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the gzip compression of content */
    public static byte[] gzip(byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(content);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Distinct images: pixel k of image i is {@code (salt + 31 i + 7 k) mod 256}. Since 31 is odd,
     * no two of up to 256 images are equal, and every image holds many different values.
     */
    public static int pixel(int salt, int image, int k) {
        return (salt + 31 * image + 7 * k) & 0xFF;
    }

    /** @return {@code count * dim} pattern pixels, see {@link #pixel} */
    public static byte[] patternPixels(int salt, int count, int dim) {
        byte[] pixels = new byte[count * dim];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < dim; k++) {
                pixels[i * dim + k] = (byte) pixel(salt, i, k);
            }
        }
        return pixels;
    }

    /**
     * Writes {@code <root>/<folder>/{train,t10k}-{images-idx3,labels-idx1}-ubyte} with 28x28
     * pattern images ({@link #TRAIN_SALT}, {@link #TEST_SALT}) and the given labels.
     */
    public static void writeMnistLike(
            Path root, String folder, int[] trainLabels, int[] testLabels, boolean gzip) {
        Path dir = root.resolve(folder);
        String gz = gzip ? ".gz" : "";
        write(dir.resolve("train-images-idx3-ubyte" + gz), images(trainLabels.length, 28, 28,
                patternPixels(TRAIN_SALT, trainLabels.length, 784)), gzip);
        write(dir.resolve("train-labels-idx1-ubyte" + gz), labels(trainLabels), gzip);
        write(dir.resolve("t10k-images-idx3-ubyte" + gz), images(testLabels.length, 28, 28,
                patternPixels(TEST_SALT, testLabels.length, 784)), gzip);
        write(dir.resolve("t10k-labels-idx1-ubyte" + gz), labels(testLabels), gzip);
    }

    /** @return {@code n} labels {@code (step * i) mod 10}, covering all digits when step is odd and not 5 */
    public static int[] cyclicLabels(int n, int step) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (step * i) % 10;
        }
        return labels;
    }
}
