package org.plasticity.datasets.corruption;

/**
 * The reference's {@code clipped_zoom} on an S×S plane: crop the centre {@code ch = ceil(S/z)}
 * square (top-left corner {@code (S − ch) // 2}), zoom it with scipy's {@code ndimage.zoom}
 * (order 1, {@code grid_mode=False}) to {@code n = round(ch·z)} pixels a side (Python rounding, half
 * to even), then keep the centre S×S, starting at {@code (n − S) // 2}. scipy maps output index
 * {@code k} to input coordinate {@code k·(ch − 1)/(n − 1)} and interpolates linearly, each output
 * the sum {@code Σ v·w_row·w_col} over the four neighbours in row-major order, in double precision.
 */
final class ClippedZoom {

    private final int side;
    private final int lastCropIndex;
    private final int[] lower;
    private final double[] upperWeight;

    /**
     * @param side S, the plane's height and width
     * @param factor the zoom factor z ≥ 1
     */
    ClippedZoom(int side, double factor) {
        this.side = side;
        int crop = (int) Math.ceil(side / factor);
        int top = (side - crop) / 2;
        int zoomed = (int) Math.rint(crop * factor);
        if (crop > side || zoomed < side) {
            throw new IllegalArgumentException("zoom factor " + factor + " does not fit " + side + " px");
        }
        int trim = (zoomed - side) / 2;
        lastCropIndex = top + crop - 1;
        double step = zoomed > 1 ? (double) (crop - 1) / (zoomed - 1) : 1;
        lower = new int[side];
        upperWeight = new double[side];
        for (int k = 0; k < side; k++) {
            double c = Math.min((k + trim) * step, crop - 1);
            int floor = (int) Math.floor(c);
            lower[k] = top + floor;
            upperWeight[k] = c - floor;
        }
    }

    /** @return the zoomed S×S plane of {@code src[offset ..]}, in double precision */
    double[] apply(double[] src, int offset) {
        double[] out = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out[y * side + x] = sample(src, offset, y, x);
            }
        }
        return out;
    }

    /** @return the zoomed S×S plane of float values, each result rounded to float as scipy stores it */
    float[] apply(float[] src, int offset) {
        double[] wide = new double[side * side];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = src[offset + i];
        }
        double[] zoomed = apply(wide, 0);
        float[] out = new float[zoomed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) zoomed[i];
        }
        return out;
    }

    private double sample(double[] src, int offset, int y, int x) {
        int y0 = lower[y];
        int x0 = lower[x];
        int y1 = Math.min(y0 + 1, lastCropIndex);
        int x1 = Math.min(x0 + 1, lastCropIndex);
        double wy1 = upperWeight[y];
        double wx1 = upperWeight[x];
        double wy0 = 1.0 - wy1;
        double wx0 = 1.0 - wx1;
        double acc = 0;
        acc += src[offset + y0 * side + x0] * wy0 * wx0;
        acc += src[offset + y0 * side + x1] * wy0 * wx1;
        acc += src[offset + y1 * side + x0] * wy1 * wx0;
        acc += src[offset + y1 * side + x1] * wy1 * wx1;
        return acc;
    }
}
