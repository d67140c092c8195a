package org.plasticity.datasets.corruption;

/**
 * Conversions between uint8 images and the reference's floating-point images. Back to uint8 is
 * numpy's {@code np.uint8(np.clip(u, 0, 1) * 255)}: clip, scale, then truncate toward zero, no
 * rounding.
 */
final class Pixels {

    private Pixels() {}

    /** @return {@code v / 255.0} per value (numpy's {@code np.array(x) / 255.}) */
    static double[] unit(byte[] image) {
        double[] u = new double[image.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = (image[i] & 0xFF) / 255.0;
        }
        return u;
    }

    /** @return {@code float32(v) / 255} per value, in float (numpy's float32 images) */
    static float[] unitFloat(byte[] image) {
        float[] u = new float[image.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = (image[i] & 0xFF) / 255f;
        }
        return u;
    }

    /** @return {@code uint8(clip(u, 0, 1)·255)}, truncated */
    static byte[] fromUnit(double[] u) {
        byte[] out = new byte[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = (byte) (int) (clip(u[i], 1) * 255.0);
        }
        return out;
    }

    /** @return {@code uint8(clip(u, 0, 1)·255)} computed in float, truncated */
    static byte[] fromUnit(float[] u) {
        byte[] out = new byte[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = (byte) (int) ((float) clip(u[i], 1) * 255f);
        }
        return out;
    }

    /** @return {@code uint8(clip(v, 0, 255))} for values on the 0..255 scale, truncated */
    static byte[] fromByteScale(double[] v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) (int) clip(v[i], 255);
        }
        return out;
    }

    /** @return {@code v} clipped to {@code [0, max]} */
    static double clip(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
