package org.plasticity.datasets.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import org.plasticity.datasets.DataFileException;

/**
 * CIFAR-10-C / CIFAR-100-C (Hendrycks and Dietterich 2019) in their released folder layout:
 * {@code <corruption>.npy}, uint8 (50000, 32, 32, 3) interleaved RGB, five blocks of the 10 000
 * test images in order, rows {@code [(s-1)*10000, s*10000)} at severity {@code s}; and
 * {@code labels.npy}, the 10 000 test labels repeated five times (any integer dtype). The block
 * size is read as a fifth of the files' rows (10 000 in the released files), so smaller files of
 * the same layout work too.
 */
public final class CifarCorrupted {

    /** Highest severity. */
    public static final int SEVERITIES = 5;
    /** File name of the labels. */
    public static final String LABELS = "labels.npy";

    private static final int SIDE = 32;
    private static final int CHANNELS = 3;

    private CifarCorrupted() {}

    /**
     * Reads one severity block: only its rows of the corruption file are read.
     *
     * @param folder the folder holding {@code <corruption>.npy} and {@code labels.npy}
     * @param corruption a corruption name, e.g. {@code gaussian_noise}
     * @param severity 1..5
     * @return that block's images (3x32x32, planar) and labels
     * @throws IllegalArgumentException for a severity outside 1..5 or a name with a path separator
     * @throws DataFileException if a file is missing or malformed, its rows are not five blocks,
     *     or the two files differ in rows
     */
    public static LabeledImages load(Path folder, String corruption, int severity) {
        if (severity < 1 || severity > SEVERITIES) {
            throw new IllegalArgumentException("severity must be 1.." + SEVERITIES + ", got " + severity);
        }
        if (corruption.isEmpty() || corruption.contains("/") || corruption.contains("\\")) {
            throw new IllegalArgumentException("not a corruption name: '" + corruption + "'");
        }
        Path images = folder.resolve(corruption + ".npy");
        Path labels = folder.resolve(LABELS);
        for (Path f : new Path[] {images, labels}) {
            if (!Files.isRegularFile(f)) {
                throw DataFileException.missing(f);
            }
        }
        long rows = checkRows(images, NpyFile.header(images).shape(), 4);
        if (checkRows(labels, NpyFile.header(labels).shape(), 1) != rows) {
            throw DataFileException.corrupt(labels, "has " + NpyFile.header(labels).shape()[0]
                    + " rows but " + images.toAbsolutePath().normalize() + " has " + rows);
        }
        int blockSize = Math.toIntExact(rows / SEVERITIES);
        long from = (long) (severity - 1) * blockSize;
        NdArray block = NpyFile.readRows(images, from, blockSize);
        ImageSet set = ArrayImages.interleaved(images, "the array", block, CHANNELS);
        if (set.rows() != SIDE || set.cols() != SIDE) {
            throw DataFileException.corrupt(images, "has images of " + set.rows() + "x" + set.cols()
                    + ", expected 32x32");
        }
        NdArray labelBlock = NpyFile.readRows(labels, from, blockSize);
        if (!labelBlock.dtype().isInteger()) {
            throw DataFileException.corrupt(labels, "is " + labelBlock.dtype().numpyName()
                    + ", expected integer labels");
        }
        long[] values = labelBlock.longs();
        int[] out = new int[blockSize];
        for (int i = 0; i < blockSize; i++) {
            if (values[i] < 0 || values[i] > Integer.MAX_VALUE) {
                throw DataFileException.corrupt(labels, "label " + values[i] + " at row " + (from + i)
                        + " is not a class index");
            }
            out[i] = (int) values[i];
        }
        return new LabeledImages(set, out);
    }

    /** @return the rows, after checking the rank and that they split into five blocks */
    private static long checkRows(Path file, long[] shape, int rank) {
        if (shape.length != rank || shape[0] == 0 || shape[0] % SEVERITIES != 0) {
            throw DataFileException.corrupt(file, "has shape " + NdArray.shapeText(shape)
                    + ", expected " + (rank == 4 ? "(5 * n, 32, 32, 3)" : "(5 * n,)")
                    + ": one block of n rows per severity 1.." + SEVERITIES);
        }
        return shape[0];
    }
}
