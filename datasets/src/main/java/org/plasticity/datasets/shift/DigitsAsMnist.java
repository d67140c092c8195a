package org.plasticity.datasets.shift;

import org.plasticity.datasets.formats.DigitsCsv;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.LabeledImages;

/**
 * The UCI optdigits images (8×8, values 0..16, 43 writers of NIST forms) laid out like MNIST, as a real domain shift
 * for an MNIST model: each image is scaled to 0..255 ({@code v·255/16}), resampled bilinearly to a 20×20 box (the
 * size MNIST normalises its digits to; pixel centres aligned, edges clamped) and centred in a 28×28 black frame, as
 * MNIST centres its 20×20 digits. MNIST centres by centre of mass; the digits are already centred in their 8×8 box,
 * so the box is centred geometrically. Values are truncated to bytes.
 */
public final class DigitsAsMnist {
    /** Side of the output image. */
    public static final int SIDE = 28;
    /** Side of the box the digit is resampled to. */
    public static final int BOX = 20;

    private DigitsAsMnist() {
    }

    /** The digits as 28×28 grey images with their labels. */
    public static LabeledImages of(LabeledImages digits) {
        ImageSet in = digits.images();
        if (in.rows() != DigitsCsv.SIDE || in.cols() != DigitsCsv.SIDE) {
            throw new IllegalArgumentException("expected 8×8 digits, got " + in.rows() + "×" + in.cols());
        }
        byte[] out = new byte[in.count() * SIDE * SIDE];
        int margin = (SIDE - BOX) / 2;
        double scale = (double) DigitsCsv.SIDE / BOX;
        for (int i = 0; i < in.count(); i++) {
            for (int y = 0; y < BOX; y++) {
                double sy = clamp((y + 0.5) * scale - 0.5);
                for (int x = 0; x < BOX; x++) {
                    double sx = clamp((x + 0.5) * scale - 0.5);
                    double v = bilinear(in, i, sy, sx) * 255.0 / DigitsCsv.MAX_PIXEL;
                    out[i * SIDE * SIDE + (y + margin) * SIDE + x + margin] = (byte) Math.min(255, (int) v);
                }
            }
        }
        return new LabeledImages(new ImageSet(out, in.count(), SIDE, SIDE), digits.labels());
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(DigitsCsv.SIDE - 1, v));
    }

    private static double bilinear(ImageSet in, int image, double y, double x) {
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        int y1 = Math.min(y0 + 1, DigitsCsv.SIDE - 1);
        int x1 = Math.min(x0 + 1, DigitsCsv.SIDE - 1);
        double fy = y - y0;
        double fx = x - x0;
        double top = in.pixel(image, y0 * in.cols() + x0) * (1 - fx) + in.pixel(image, y0 * in.cols() + x1) * fx;
        double bottom = in.pixel(image, y1 * in.cols() + x0) * (1 - fx) + in.pixel(image, y1 * in.cols() + x1) * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
