package org.plasticity.datasets.scenario;

import org.plasticity.datasets.formats.ImageSet;

/**
 * Pillow's {@code Image.resize(size, Image.BILINEAR)} on 8-bit images, bit for bit (Pillow's
 * {@code libImaging/Resample.c}), which is what torchvision's {@code Resize} does to PIL images.
 * Each axis that changes size is resampled separately, horizontal first, with a triangle filter
 * whose support is widened by the scale when shrinking (so shrinking averages, antialiased):
 *
 * <pre>
 *   scale = in / out, fs = max(scale, 1), support = fs
 *   output x: center = (x + 0.5) scale, taps i in [round(center - support), round(center + support))
 *             clipped to the image, weight w_i = max(0, 1 - |(i - center + 0.5) / fs|), normalized
 *             to sum 1, then fixed point k_i = round(w_i 2^22)
 *   value = clamp((2^21 + sum_i p_i k_i) >> 22, 0, 255)     (rounded to a byte after each pass)
 * </pre>
 */
public final class PilResize {

    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PilResize() {}

    /**
     * @param images source images (any channels; each plane is resized alone)
     * @param rows output height
     * @param cols output width
     * @return the resized images (the source itself when the size is already right)
     */
    public static ImageSet bilinear(ImageSet images, int rows, int cols) {
        if (images.rows() == rows && images.cols() == cols) {
            return images;
        }
        Taps horizontal = Taps.of(images.cols(), cols);
        Taps vertical = Taps.of(images.rows(), rows);
        int planes = images.count() * images.channels();
        int inPlane = images.planeSize();
        byte[] out = new byte[Math.multiplyExact(planes, rows * cols)];
        byte[] wide = new byte[images.rows() * cols];
        for (int p = 0; p < planes; p++) {
            if (images.cols() != cols) {
                horizontal.alongRows(images.pixels(), p * inPlane, images.rows(), images.cols(), wide);
            } else {
                System.arraycopy(images.pixels(), p * inPlane, wide, 0, inPlane);
            }
            if (images.rows() != rows) {
                vertical.alongColumns(wide, cols, out, p * rows * cols);
            } else {
                System.arraycopy(wide, 0, out, p * rows * cols, rows * cols);
            }
        }
        return new ImageSet(out, images.count(), images.channels(), rows, cols);
    }

    /** Fixed-point filter taps of one axis: output {@code j} reads inputs {@code first[j] ..}. */
    private record Taps(int[] first, int[][] weights) {

        static Taps of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            int[] first = new int[outSize];
            int[][] weights = new int[outSize][];
            for (int j = 0; j < outSize; j++) {
                double center = (j + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize);
                double[] w = new double[max - min];
                double sum = 0;
                for (int i = 0; i < w.length; i++) {
                    double x = Math.abs((i + min - center + 0.5) / filterScale);
                    w[i] = x < 1.0 ? 1.0 - x : 0.0;
                    sum += w[i];
                }
                int[] k = new int[w.length];
                for (int i = 0; i < w.length; i++) {
                    double v = sum != 0.0 ? w[i] / sum : w[i];
                    k[i] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS)
                            : 0.5 + v * (1 << PRECISION_BITS));
                }
                first[j] = min;
                weights[j] = k;
            }
            return new Taps(first, weights);
        }

        /** Resamples each of {@code rows} rows of {@code inCols} bytes at {@code in[at..]} into {@code out}. */
        void alongRows(byte[] in, int at, int rows, int inCols, byte[] out) {
            int outCols = first.length;
            for (int y = 0; y < rows; y++) {
                for (int j = 0; j < outCols; j++) {
                    out[y * outCols + j] = clip8(sum(in, at + y * inCols + first[j], 1, weights[j]));
                }
            }
        }

        /** Resamples every column of {@code in} (rows of {@code cols} bytes) into {@code out[at..]}. */
        void alongColumns(byte[] in, int cols, byte[] out, int at) {
            for (int j = 0; j < first.length; j++) {
                for (int x = 0; x < cols; x++) {
                    out[at + j * cols + x] = clip8(sum(in, first[j] * cols + x, cols, weights[j]));
                }
            }
        }

        private static int sum(byte[] in, int src, int step, int[] k) {
            int acc = 1 << (PRECISION_BITS - 1);
            for (int i = 0; i < k.length; i++) {
                acc += (in[src + i * step] & 0xFF) * k[i];
            }
            return acc;
        }

        private static byte clip8(int v) {
            if (v >= (1 << PRECISION_BITS << 8)) {
                return (byte) 255;
            }
            return v <= 0 ? 0 : (byte) (v >> PRECISION_BITS);
        }
    }
}
