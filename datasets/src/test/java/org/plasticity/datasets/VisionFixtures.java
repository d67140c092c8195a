package org.plasticity.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plasticity.datasets.formats.NumpyPickles;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Writes small files in the vision data sets' distribution formats for tests. Pixel values follow
 * {@link IdxFixtures#pixel}: byte {@code k} of image {@code i} in the file's own order is
 * {@code pixel(salt, i, k)}.
 */
public final class VisionFixtures {

    private VisionFixtures() {}

    /** @return CIFAR binary records: label byte(s) then 3072 pattern bytes per record */
    public static byte[] cifarBinary(int salt, int[] coarse, int[] labels) {
        int labelBytes = coarse == null ? 1 : 2;
        ByteBuffer b = ByteBuffer.allocate(labels.length * (labelBytes + 3072));
        for (int i = 0; i < labels.length; i++) {
            if (coarse != null) {
                b.put((byte) coarse[i]);
            }
            b.put((byte) labels[i]);
            for (int k = 0; k < 3072; k++) {
                b.put((byte) IdxFixtures.pixel(salt, i, k));
            }
        }
        return b.array();
    }

    /** @return a CIFAR Python batch: {@code data} (N, 3072) pattern bytes and the labels under {@code labelKey} */
    public static byte[] cifarPickle(NumpyPickles.Style style, int salt, String labelKey, int[] labels) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("batch_label", "training batch 1 of 5");
        d.put("data", NumpyPickles.Array.uint8(new long[] {labels.length, 3072},
                IdxFixtures.patternPixels(salt, labels.length, 3072)));
        d.put(labelKey, labels);
        return NumpyPickles.dict(style, d);
    }

    /**
     * Writes the CIFAR-10 binary folder {@code <root>/cifar-10-batches-bin} with {@code perBatch}
     * images in each of the five training batches (salt = batch number) and the test batch (salt 0).
     */
    public static void writeCifar10Binary(Path root, int perBatch) {
        Path dir = root.resolve("cifar-10-batches-bin");
        for (int b = 1; b <= 5; b++) {
            write(dir.resolve("data_batch_" + b + ".bin"), cifarBinary(b, null,
                    IdxFixtures.cyclicLabels(perBatch, 3)));
        }
        write(dir.resolve("test_batch.bin"), cifarBinary(0, null, IdxFixtures.cyclicLabels(perBatch, 7)));
    }

    /**
     * Writes an SVHN MAT-file: X(y, x, c, n) = pixel(salt, n, (c * 32 + y) * 32 + x), so that the
     * CHW byte {@code k} of image {@code n} is {@code pixel(salt, n, k)}; y as doubles.
     */
    public static void writeSvhn(Path file, int salt, int[] matLabels) {
        int n = matLabels.length;
        try (MatFile mat = Mat5.newMatFile()) {
            Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, n}, MatlabType.UInt8);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    for (int r = 0; r < 32; r++) {
                        for (int col = 0; col < 32; col++) {
                            x.setLong(new int[] {r, col, c, i}, IdxFixtures.pixel(salt, i, (c * 32 + r) * 32 + col));
                        }
                    }
                }
            }
            Matrix y = Mat5.newMatrix(n, 1);
            for (int i = 0; i < n; i++) {
                y.setDouble(i, matLabels[i]);
            }
            mat.addArray("X", x).addArray("y", y);
            Files.createDirectories(file.getParent());
            Mat5.writeToFile(mat, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a notMNIST pickle: {@code features} (N, 1, 32, 32) pattern bytes, {@code labels} uint8 */
    public static byte[] notMnistPickle(int salt, int[] labels) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("features", NumpyPickles.Array.uint8(new long[] {labels.length, 1, 32, 32},
                IdxFixtures.patternPixels(salt, labels.length, 1024)));
        byte[] l = new byte[labels.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (byte) labels[i];
        }
        d.put("labels", NumpyPickles.Array.uint8(new long[] {labels.length}, l));
        return NumpyPickles.dict(NumpyPickles.Style.PROTOCOL4, d);
    }

    /** @return a miniImageNet pickle: {@code images} (N, side, side, 3) pattern bytes (HWC), {@code labels} int64 */
    public static byte[] miniImageNetPickle(NumpyPickles.Style style, int salt, int side, long[] labels) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("images", NumpyPickles.Array.uint8(new long[] {labels.length, side, side, 3},
                IdxFixtures.patternPixels(salt, labels.length, side * side * 3)));
        d.put("labels", NumpyPickles.Array.int64(labels));
        return NumpyPickles.dict(style, d);
    }

    /** @return a .npy v1.0 file of the array (header padded to a multiple of 64) */
    public static byte[] npy(String descr, boolean fortran, long[] shape, byte[] data) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + s + ", }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    /** Writes bytes, creating parent folders. */
    public static Path write(Path file, byte[] content) {
        return IdxFixtures.write(file, content, false);
    }
}
