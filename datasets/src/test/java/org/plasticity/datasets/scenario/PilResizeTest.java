package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.plasticity.datasets.formats.ImageSet;

class PilResizeTest {

    private static int[] values(ImageSet s) {
        int[] v = new int[s.pixels().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.pixels()[i] & 0xFF;
        }
        return v;
    }

    @Test
    void upsamplingInterpolatesBetweenCentresAndRepeatsEdges() {
        // 2 -> 4 columns: scale 0.5, centres 0.25, 0.75, 1.25, 1.75. Output 0 has the one tap of
        // input 0 (weight 0.75, normalized to 1); output 1 taps inputs 0 and 1 with 0.75 and 0.25.
        ImageSet in = new ImageSet(new byte[] {0, 100}, 1, 1, 2);
        int[] out = values(PilResize.bilinear(in, 1, 4));
        // 0.75 * 0 + 0.25 * 100 = 25; 0.25 * 0 + 0.75 * 100 = 75
        assertArrayEquals(new int[] {0, 25, 75, 100}, out);
    }

    @Test
    void downsamplingAveragesOverTheWidenedSupport() {
        // 4 -> 2 columns: scale 2, support 2. Output 0: centre 1, taps 0..2 with weights
        // (1 - |i - 0.5| / 2) = 0.75, 0.75, 0.25 over sum 1.75; output 1: centre 3, taps 1..3 with 0.25, 0.75, 0.75.
        ImageSet in = new ImageSet(new byte[] {0, 70, (byte) 140, (byte) 210}, 1, 1, 4);
        // (0.75 * 0 + 0.75 * 70 + 0.25 * 140) / 1.75 = 50; (0.25 * 70 + 0.75 * 140 + 0.75 * 210) / 1.75 = 160
        assertArrayEquals(new int[] {50, 160}, values(PilResize.bilinear(in, 1, 2)));
    }

    @Test
    void rowsAndColumnsAreResampledSeparatelyPerChannel() {
        // 2x2 per channel -> 2x4 then 4x4; channel 1 is channel 0 + 100, so it resizes to the same plus 100
        byte[] px = {0, 100, 0, 100, 100, (byte) 200, 100, (byte) 200};
        ImageSet out = PilResize.bilinear(new ImageSet(px, 1, 2, 2, 2), 4, 4);
        int[] v = values(out);
        int[] row = {0, 25, 75, 100};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                org.junit.jupiter.api.Assertions.assertEquals(row[x], v[y * 4 + x]);
                org.junit.jupiter.api.Assertions.assertEquals(row[x] + 100, v[16 + y * 4 + x]);
            }
        }
        ImageSet same = new ImageSet(px, 1, 2, 2, 2);
        assertSame(same, PilResize.bilinear(same, 2, 2));
    }
}
