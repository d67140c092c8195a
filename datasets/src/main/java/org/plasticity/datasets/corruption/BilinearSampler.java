package org.plasticity.datasets.corruption;

/**
 * scipy's {@code ndimage.map_coordinates(image, coords, order=1, mode='reflect')} on one float32
 * H×W plane (SciPy ≥ 1.6 semantics): the plane is extended half-sample symmetrically
 * ({@link Border#REFLECT}) and sampled at (row, col) with linear weights
 * {@code 1 − t, t}, each value {@code Σ v·w_row·w_col} over the four neighbours in row-major order,
 * in double, stored as float.
 */
final class BilinearSampler {

    private BilinearSampler() {}

    /**
     * @param plane the values starting at {@code offset}, row-major
     * @param offset start of the plane
     * @param height rows
     * @param width columns
     * @param row the row coordinate
     * @param col the column coordinate
     * @return the interpolated value, rounded to float
     */
    static float sample(float[] plane, int offset, int height, int width, double row, double col) {
        double fr = Math.floor(row);
        double fc = Math.floor(col);
        double tr = row - fr;
        double tc = col - fc;
        int r0 = Border.REFLECT.index((int) fr, height) * width;
        int r1 = Border.REFLECT.index((int) fr + 1, height) * width;
        int c0 = Border.REFLECT.index((int) fc, width);
        int c1 = Border.REFLECT.index((int) fc + 1, width);
        double acc = 0;
        acc += plane[offset + r0 + c0] * (1.0 - tr) * (1.0 - tc);
        acc += plane[offset + r0 + c1] * (1.0 - tr) * tc;
        acc += plane[offset + r1 + c0] * tr * (1.0 - tc);
        acc += plane[offset + r1 + c1] * tr * tc;
        return (float) acc;
    }
}
