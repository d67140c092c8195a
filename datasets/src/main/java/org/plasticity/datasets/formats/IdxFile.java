package org.plasticity.datasets.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plasticity.datasets.DataFileException;

/**
 * Reader for the unsigned-byte IDX files of MNIST and Fashion-MNIST (images: magic 0x00000803,
 * three dimensions; labels: magic 0x00000801, one dimension). Files may be raw or gzip; gzip is
 * detected by content, not by name. The decoded size must equal header plus data exactly.
 */
public final class IdxFile {

    /** Magic number of IDX unsigned-byte files with three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of IDX unsigned-byte files with one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private IdxFile() {}

    /**
     * Finds an IDX file under its usual name variants: {@code train-images-idx3-ubyte},
     * {@code train-images.idx3-ubyte}, each optionally with {@code .gz}.
     *
     * @param dir folder to look in
     * @param baseName canonical name, e.g. {@code train-images-idx3-ubyte}
     * @return the first variant that exists
     * @throws DataFileException naming the canonical path and how to fetch it, if none exists
     */
    public static Path locate(Path dir, String baseName) {
        for (String name : nameVariants(baseName)) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw DataFileException.missing(dir.resolve(baseName));
    }

    /**
     * @param baseName canonical name, e.g. {@code train-images-idx3-ubyte}
     * @return the accepted file names, in lookup order
     */
    public static List<String> nameVariants(String baseName) {
        List<String> stems = new ArrayList<>();
        stems.add(baseName);
        int dash = baseName.lastIndexOf("-idx");
        if (dash >= 0) {
            stems.add(baseName.substring(0, dash) + "." + baseName.substring(dash + 1));
        }
        List<String> names = new ArrayList<>();
        for (String stem : stems) {
            names.add(stem);
            names.add(stem + ".gz");
        }
        return names;
    }

    /**
     * @param file an IDX images file (raw or gzip)
     * @return its images
     * @throws DataFileException if the file is missing or malformed
     */
    public static ImageSet readImages(Path file) {
        byte[] b = DataBytes.read(file);
        checkHeader(file, b, IMAGES_MAGIC, IMAGES_HEADER, "IDX images");
        int count = dimension(file, b, 0, "image count");
        int rows = positiveDimension(file, b, 1, "rows");
        int cols = positiveDimension(file, b, 2, "columns");
        checkLength(file, b, IMAGES_HEADER + (long) count * rows * cols);
        return new ImageSet(Arrays.copyOfRange(b, IMAGES_HEADER, b.length), count, rows, cols);
    }

    /**
     * @param file an IDX labels file (raw or gzip)
     * @return the labels as values 0..255
     * @throws DataFileException if the file is missing or malformed
     */
    public static int[] readLabels(Path file) {
        byte[] b = DataBytes.read(file);
        checkHeader(file, b, LABELS_MAGIC, LABELS_HEADER, "IDX labels");
        int count = dimension(file, b, 0, "label count");
        checkLength(file, b, LABELS_HEADER + (long) count);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = b[LABELS_HEADER + i] & 0xFF;
        }
        return labels;
    }

    /**
     * Reads an images file and its labels file and checks that their counts agree.
     *
     * @param imagesFile IDX images file
     * @param labelsFile IDX labels file
     * @return the labeled images
     * @throws DataFileException if either file is missing or malformed, or the counts differ
     */
    public static LabeledImages readPair(Path imagesFile, Path labelsFile) {
        ImageSet images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw DataFileException.corrupt(labelsFile, "has " + labels.length
                    + " labels but " + imagesFile.toAbsolutePath().normalize() + " has "
                    + images.count() + " images");
        }
        return new LabeledImages(images, labels);
    }

    // The magic packs 0x0000, the element type (0x08 = ubyte) and the dimension count, so comparing
    // all four bytes checks type and rank at once.
    private static void checkHeader(Path file, byte[] b, int magic, int headerBytes, String kind) {
        if (b.length < headerBytes) {
            throw DataFileException.corrupt(file, "truncated: expected at least " + headerBytes
                    + " header bytes, found " + b.length);
        }
        int found = be32(b, 0);
        if (found != magic) {
            throw DataFileException.corrupt(file, String.format(
                    "wrong magic number 0x%08X, expected 0x%08X (%s)", found, magic, kind));
        }
    }

    private static int dimension(Path file, byte[] b, int index, String what) {
        int size = be32(b, 4 + 4 * index);
        if (size < 0) {
            throw DataFileException.corrupt(file, "implausible " + what + " "
                    + Integer.toUnsignedString(size) + " in the header");
        }
        return size;
    }

    private static int positiveDimension(Path file, byte[] b, int index, String what) {
        int size = dimension(file, b, index, what);
        if (size == 0) {
            throw DataFileException.corrupt(file, what + " is 0 in the header");
        }
        return size;
    }

    private static void checkLength(Path file, byte[] b, long expected) {
        if (b.length < expected) {
            throw DataFileException.corrupt(file,
                    "truncated: expected " + expected + " bytes, found " + b.length);
        }
        if (b.length > expected) {
            throw DataFileException.corrupt(file, "too long: expected " + expected
                    + " bytes, found " + b.length + " (trailing data after the last item)");
        }
    }

    private static int be32(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16)
                | ((b[offset + 2] & 0xFF) << 8) | (b[offset + 3] & 0xFF);
    }
}
