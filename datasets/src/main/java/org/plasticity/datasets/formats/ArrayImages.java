package org.plasticity.datasets.formats;

import java.nio.file.Path;
import org.plasticity.datasets.DataFileException;

/** Turns uint8 numpy arrays into {@link ImageSet}s, checking their shape against the format's. */
final class ArrayImages {

    private ArrayImages() {}

    /**
     * Planar images: shape {@code (N, C*H*W)} (CIFAR's rows) or {@code (N, C, H, W)}.
     *
     * @param file the file, for messages
     * @param what the array's name in the file, for messages
     * @param a the array
     * @param channels expected C
     * @param rows expected H
     * @param cols expected W
     * @return the images
     * @throws DataFileException for another dtype or shape
     */
    static ImageSet planar(Path file, String what, NdArray a, int channels, int rows, int cols) {
        checkUint8(file, what, a);
        long[] s = a.shape();
        long size = (long) channels * rows * cols;
        boolean flat = s.length == 2 && s[1] == size;
        boolean chw = s.length == 4 && s[1] == channels && s[2] == rows && s[3] == cols;
        if (!flat && !chw) {
            throw DataFileException.corrupt(file, what + " has shape " + a.shapeText()
                    + ", expected (N, " + size + ") or (N, " + channels + ", " + rows + ", " + cols
                    + ")");
        }
        return new ImageSet(a.data(), Math.toIntExact(s[0]), channels, rows, cols);
    }

    /**
     * Interleaved images, shape {@code (N, H, W, C)} (numpy's image layout), converted to CHW.
     *
     * @param file the file, for messages
     * @param what the array's name in the file, for messages
     * @param a the array
     * @param channels expected C
     * @return the images in CHW order
     * @throws DataFileException for another dtype or shape
     */
    static ImageSet interleaved(Path file, String what, NdArray a, int channels) {
        checkUint8(file, what, a);
        long[] s = a.shape();
        if (s.length != 4 || s[3] != channels || s[1] == 0 || s[2] == 0) {
            throw DataFileException.corrupt(file, what + " has shape " + a.shapeText()
                    + ", expected (N, height, width, " + channels + ")");
        }
        return ImageSet.fromChannelsLast(a.data(), 0, Math.toIntExact(s[0]), (int) s[1],
                (int) s[2], channels);
    }

    private static void checkUint8(Path file, String what, NdArray a) {
        if (!a.dtype().isUint8()) {
            throw DataFileException.corrupt(file, what + " is " + a.dtype().numpyName()
                    + ", expected uint8 pixels");
        }
    }
}
