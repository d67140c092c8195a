package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.plasticity.core.tensor.StepScope;

/**
 * The exact unfold (im2col) of a convolution's input: for {@code x [R, C, H, W]} the patches
 * {@code P [R·L, C·k·k]} with {@code L = Ho·Wo}, {@code Ho = ⌊(H + 2p − k)/s⌋ + 1} (likewise Wo),
 *
 * <pre>  P[r·L + oh·Wo + ow, c·k·k + i·k + j] = x_pad[r, c, oh·s + i, ow·s + j]</pre>
 *
 * where {@code x_pad} is x zero-padded by p on each side. So {@code W.reshape(out, C·k·k)} times a
 * row is the convolution's output at that position, and a conv weight gradient is
 * {@code G_flatᵀ·P}. DJL 0.36 has no unfold; this is a grouped convolution (C groups, one per
 * input channel) with a kept one-hot kernel {@code E [C·k·k, 1, k, k]},
 * {@code E[c·k·k + i·k + j, 0, i, j] = 1} (the unfoldNd trick, grouped so that it costs
 * {@code C·k⁴} instead of {@code C²·k⁴} per position), followed by a transpose and a reshape; it is
 * exact (each output sums one product x·1 and zeros).
 */
public final class Unfold {
    private final int channels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final NDArray oneHot;

    /**
     * @param channels C
     * @param kernel k (square)
     * @param stride s
     * @param padding p (zeros on each side)
     * @param manager long-lived manager that keeps the one-hot kernel
     */
    public Unfold(int channels, int kernel, int stride, int padding, NDManager manager) {
        if (channels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("unfold needs channels, kernel, stride ≥ 1 and padding ≥ 0, got C="
                    + channels + " k=" + kernel + " s=" + stride + " p=" + padding);
        }
        this.channels = channels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        int kk = kernel * kernel;
        float[] e = new float[channels * kk * kk];
        for (int o = 0; o < channels * kk; o++) {
            e[o * kk + o % kk] = 1f;
        }
        this.oneHot = StepScope.keep(manager.create(e, new Shape(channels * kk, 1, kernel, kernel)));
    }

    /** Columns of the patches: {@code C·k·k}. */
    public int columns() {
        return channels * kernel * kernel;
    }

    /** The patches {@code [R·L, C·k·k]} of {@code x [R, C, H, W]}, rows by sample, then oh, then ow. */
    public NDArray patches(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(1) != channels) {
            throw new IllegalArgumentException("unfold takes [R, " + channels + ", H, W], got " + s);
        }
        NDArray e = oneHot.getDataType() == x.getDataType() ? oneHot : oneHot.toType(x.getDataType(), false);
        NDArray cols = Conv2d.conv2d(x, e, null, new Shape(stride, stride), new Shape(padding, padding),
                new Shape(1, 1), channels).singletonOrThrow();
        return cols.transpose(0, 2, 3, 1).reshape(-1, columns());
    }
}
