package org.plasticity.datasets.corruption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.plasticity.datasets.DataFileException;

/**
 * {@code clip(a·x + b·F, 0, 255)} on the 0..255 scale, (a, b) = (1, 0.2), (1, 0.3), (0.9, 0.4),
 * (0.85, 0.4), (0.75, 0.45). With frost photos F is the reference's: photo {@code randint(5)},
 * resized by OpenCV {@code INTER_LINEAR} with factor 0.2·S/32 (0.2 for 32 px as the reference,
 * 0.175 for 28 px), an S×S crop at row {@code randint(0, h − S)} and column
 * {@code randint(0, w − S)}; a grey image takes the crop's OpenCV 8-bit grey
 * ({@code (4899R + 9617G + 1868B + 8192) >> 14}). Without photos F is {@link ProceduralFrost}.
 */
final class Frost implements ImageCorruption {

    private static final double[][] WEIGHTS = {{1, 0.2}, {1, 0.3}, {0.9, 0.4}, {0.85, 0.4}, {0.75, 0.45}};
    private static final double CIFAR_RESIZE = 0.2;
    private static final int CIFAR_SIDE = 32;

    private final ImageGeometry geometry;
    private final List<FrostTextures.Photo> resized;

    Frost(ImageGeometry geometry, Optional<FrostTextures> frost) {
        this.geometry = geometry;
        this.resized = frost.map(f -> resize(f, geometry.height())).orElse(List.of());
    }

    private static List<FrostTextures.Photo> resize(FrostTextures frost, int side) {
        double factor = CIFAR_RESIZE * side / CIFAR_SIDE;
        List<FrostTextures.Photo> out = new ArrayList<>();
        for (FrostTextures.Photo p : frost.photos()) {
            int h = LinearResize.outputSize(p.height(), factor);
            int w = LinearResize.outputSize(p.width(), factor);
            if (h <= side || w <= side) {
                throw new DataFileException(p.source(), "frost photo " + p.source() + " is " + p.width() + "x" + p.height()
                        + ", resized by " + factor + " to " + w + "x" + h + ": it must exceed " + side
                        + " px on both sides — use the reference's frost photos");
            }
            int[][] rgb = new int[3][];
            for (int c = 0; c < 3; c++) {
                rgb[c] = LinearResize.resize(p.rgb()[c], p.height(), p.width(), factor);
            }
            out.add(new FrostTextures.Photo(p.source(), h, w, rgb));
        }
        return List.copyOf(out);
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double[][] f = resized.isEmpty() ? procedural(draws) : photoCrop(draws);
        double a = WEIGHTS[level][0];
        double b = WEIGHTS[level][1];
        int n = geometry.planeSize();
        double[] out = new double[chw.length];
        for (int c = 0; c < geometry.channels(); c++) {
            for (int i = 0; i < n; i++) {
                out[c * n + i] = a * (chw[c * n + i] & 0xFF) + b * f[c][i];
            }
        }
        return Pixels.fromByteScale(out);
    }

    private double[][] procedural(Draws draws) {
        double[] texture = ProceduralFrost.texture(geometry.height(), draws);
        double[][] f = new double[geometry.channels()][];
        Arrays.fill(f, texture);
        return f;
    }

    private double[][] photoCrop(Draws draws) {
        int side = geometry.height();
        FrostTextures.Photo p = resized.get(draws.integer(0, resized.size()));
        int top = draws.integer(0, p.height() - side);
        int left = draws.integer(0, p.width() - side);
        double[][] rgb = new double[3][side * side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    rgb[c][y * side + x] = p.rgb()[c][(top + y) * p.width() + left + x];
                }
            }
        }
        if (geometry.channels() == 3) {
            return rgb;
        }
        double[] gray = new double[side * side];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = ((int) rgb[0][i] * 4899 + (int) rgb[1][i] * 9617 + (int) rgb[2][i] * 1868 + 8192) >> 14;
        }
        return new double[][] {gray};
    }
}
