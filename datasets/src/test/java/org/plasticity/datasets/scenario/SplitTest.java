package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SplitTest {

    /** 4 samples of 3 features: feature k of sample i is 10 i + k. */
    private static final float[] BASE = {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32};
    private static final int[] LABELS = {5, 6, 7, 8};

    private final Split split = Split.of(BASE, 3, LABELS);

    @Test
    void gathersRequestedRowsRowMajor() {
        float[] out = new float[7];
        out[6] = -1;
        split.gather(new int[] {9, 3, 0, 9}, 1, 2, out);
        assertArrayEquals(new float[] {30, 31, 32, 0, 1, 2, -1}, out);
        assertEquals(4, split.size());
        assertEquals(3, split.dim());
        assertEquals(7, split.label(2));
    }

    @Test
    void permutedViewReadsBaseThroughThePermutation() {
        Split p = split.permuted(new int[] {2, 0, 1});
        float[] out = new float[6];
        p.gather(new int[] {1, 3}, 0, 2, out);
        assertArrayEquals(new float[] {12, 10, 11, 32, 30, 31}, out);
        assertEquals(22f, p.feature(2, 0));
        // Permuting again composes: new[k] = old[q[k]].
        Split pq = p.permuted(new int[] {1, 2, 0});
        assertArrayEquals(new float[] {20, 21, 22},
                new float[] {pq.feature(2, 0), pq.feature(2, 1), pq.feature(2, 2)});
        assertArrayEquals(LABELS, p.labels());
    }

    @Test
    void selectAndLimitAreViews() {
        Split s = split.permuted(new int[] {1, 2, 0}).select(new int[] {3, 1, 3});
        assertArrayEquals(new int[] {8, 6, 8}, s.labels());
        assertEquals(31f, s.feature(0, 0));
        assertEquals(10f, s.feature(1, 2));
        Split first = s.limit(2);
        assertEquals(2, first.size());
        assertArrayEquals(new int[] {8, 6}, first.labels());
        assertThrows(IndexOutOfBoundsException.class, () -> first.label(2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> first.gather(new int[] {2}, 0, 1, new float[3]));
        assertSame(split, split.limit(10));
    }

    @Test
    void labelsAreACopy() {
        split.labels()[0] = 99;
        assertEquals(5, split.label(0));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> split.permuted(new int[] {0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> split.permuted(new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> split.gather(new int[] {0, 1}, 0, 2, new float[5]));
        assertThrows(IllegalArgumentException.class, () -> Split.of(BASE, 3, new int[5]));
    }
}
