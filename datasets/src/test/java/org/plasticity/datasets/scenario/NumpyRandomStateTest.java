package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values come from numpy 2.4 ({@code np.random.RandomState}) and the MT19937 paper. */
class NumpyRandomStateTest {

    @Test
    void mt19937ReferenceSeedGivesTheReferenceOutputs() {
        NumpyRandomState rs = new NumpyRandomState(5489);
        assertEquals(3499211612L, rs.nextUint32());
        assertEquals(581869302L, rs.nextUint32());
        assertEquals(3890346734L, rs.nextUint32());
    }

    @Test
    void matchesNumpyRawOutputsForOtherSeeds() {
        NumpyRandomState zero = new NumpyRandomState(0);
        assertEquals(2357136044L, zero.nextUint32());
        assertEquals(2546248239L, zero.nextUint32());
        assertEquals(3071714933L, zero.nextUint32());
        NumpyRandomState max = new NumpyRandomState(4294967295L);
        assertEquals(419326371L, max.nextUint32());
        assertEquals(479346978L, max.nextUint32());
    }

    @Test
    void intervalMatchesNumpyLegacyRandint() {
        // RandomState(12345).randint(0, 1000, size=8) uses the same masked rejection.
        NumpyRandomState rs = new NumpyRandomState(12345);
        int[] got = new int[8];
        for (int i = 0; i < got.length; i++) {
            got[i] = rs.randomInterval(999);
        }
        assertArrayEquals(new int[] {482, 485, 285, 129, 420, 425, 382, 357}, got);
    }

    @Test
    void zeroIntervalConsumesNothing() {
        NumpyRandomState a = new NumpyRandomState(7);
        NumpyRandomState b = new NumpyRandomState(7);
        assertEquals(0, a.randomInterval(0));
        assertEquals(b.nextUint32(), a.nextUint32());
    }

    @Test
    void sklearnShuffleOfTaskSeeds() {
        assertArrayEquals(new int[] {4, 7, 3, 5, 2, 6, 9, 8, 1, 0},
                NumpyRandomState.shuffledRange(10, 2022));
    }

    @Test
    void taskZeroPixelPermutation() {
        int[] perm = NumpyRandomState.shuffledRange(784, 400);
        assertArrayEquals(new int[] {745, 491, 157, 422, 329, 168}, Arrays.copyOf(perm, 6));
        assertArrayEquals(new int[] {140, 318, 463, 348}, Arrays.copyOfRange(perm, 780, 784));
        long weighted = 0;
        for (int k = 0; k < perm.length; k++) {
            weighted += (long) k * perm[k];
        }
        assertEquals(118717398L, weighted, "sum k * perm[k] from numpy");
    }

    @Test
    void rejectsSeedsNumpyRejects() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
    }
}
