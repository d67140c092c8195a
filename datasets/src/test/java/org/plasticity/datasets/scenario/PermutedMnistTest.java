package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.formats.MnistLike;

class PermutedMnistTest {

    @TempDir
    Path tmp;

    private final int[] trainLabels = IdxFixtures.cyclicLabels(20, 3);
    private final int[] testLabels = IdxFixtures.cyclicLabels(10, 7);
    private MnistLike data;

    @BeforeEach
    void writeData() {
        IdxFixtures.writeMnistLike(tmp, MnistLike.MNIST, trainLabels, testLabels, false);
        data = MnistLike.load(tmp, MnistLike.MNIST);
    }

    /** torchvision's ToTensor + Normalize in float32. */
    private static float normalized(int pixel) {
        return (pixel / 255f - 0.1307f) / 0.3081f;
    }

    @Test
    void normalizationMatchesTorchFloat32() {
        // Values computed with numpy float32: (np.float32(p) / 255 - 0.1307) / 0.3081.
        assertEquals(-0.42421296f, PixelNormalization.MNIST.apply(0));
        assertEquals(-0.41148472f, PixelNormalization.MNIST.apply(1));
        assertEquals(1.2050011f, PixelNormalization.MNIST.apply(128));
        assertEquals(2.8214867f, PixelNormalization.MNIST.apply(255));
    }

    @Test
    void everyTaskFeatureIsTheNormalizedOriginalPixelUnderItsPermutation() {
        PermutedMnist pm = new PermutedMnist(data, 3, null, null);
        assertEquals(3, pm.numTasks());
        assertEquals(784, pm.inputDim());
        for (int t = 0; t < 3; t++) {
            int[] perm = pm.permutation(t);
            Task task = pm.task(t);
            checkFeatures(task.train(), perm, IdxFixtures.TRAIN_SALT, 20);
            checkFeatures(task.test(), perm, IdxFixtures.TEST_SALT, 10);
            assertArrayEquals(trainLabels, task.train().labels());
            assertArrayEquals(testLabels, task.test().labels());
        }
    }

    private static void checkFeatures(Split split, int[] perm, int salt, int n) {
        assertEquals(n, split.size());
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        float[] out = new float[n * 784];
        split.gather(all, 0, n, out);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 784; k++) {
                float expected = normalized(IdxFixtures.pixel(salt, i, perm[k]));
                assertEquals(expected, out[i * 784 + k], "sample " + i + " feature " + k);
            }
        }
    }

    @Test
    void permutationsFollowTheReferenceSeeds() {
        PermutedMnist pm = new PermutedMnist(data, 10, null, null);
        assertArrayEquals(new int[] {4, 7, 3, 5, 2, 6, 9, 8, 1, 0}, PermutedMnist.taskSeeds());
        // numpy: RandomState(seeds[i] * 100 + i).shuffle(arange(784))[:4]
        assertArrayEquals(new int[] {745, 491, 157, 422}, Arrays.copyOf(pm.permutation(0), 4));
        assertArrayEquals(new int[] {387, 477, 590, 542}, Arrays.copyOf(pm.permutation(1), 4));
        assertArrayEquals(new int[] {727, 726, 731, 658}, Arrays.copyOf(pm.permutation(8), 4));
        assertArrayEquals(new int[] {415, 369, 47, 352}, Arrays.copyOf(pm.permutation(9), 4));
        // Task 0 is permuted too: its first feature of image 0 is pixel 745, not pixel 0.
        assertEquals(normalized(IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, 0, 745)),
                pm.task(0).train().feature(0, 0));
        assertNotEquals(pm.task(0).train().feature(0, 0), pm.task(1).train().feature(0, 0));
    }

    @Test
    void sharedHeadOfTen() {
        PermutedMnist pm = new PermutedMnist(data, 2, null, null);
        assertEquals("permuted-mnist", pm.name());
        assertFalse(pm.taskIncremental());
        assertEquals(10, pm.sharedOutputs());
        Task task = pm.task(1);
        assertEquals(1, task.id());
        assertEquals(10, task.outputs());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, task.classes());
        assertSame(task, pm.task(1));
    }

    @Test
    void limitsTakeTheFirstSamples() {
        PermutedMnist pm = new PermutedMnist(data, 2, 5, 4);
        Task task = pm.task(1);
        assertEquals(5, task.train().size());
        assertEquals(4, task.test().size());
        assertArrayEquals(Arrays.copyOf(trainLabels, 5), task.train().labels());
        assertArrayEquals(Arrays.copyOf(testLabels, 4), task.test().labels());
        int[] perm = pm.permutation(1);
        assertEquals(normalized(IdxFixtures.pixel(IdxFixtures.TEST_SALT, 3, perm[17])),
                task.test().feature(3, 17));
        PermutedMnist big = new PermutedMnist(data, 1, 1000, null);
        assertEquals(20, big.task(0).train().size());
    }

    @Test
    void withoutNormalizationFeaturesArePixelsOver255() {
        PermutedMnist pm = new PermutedMnist(data, 1, null, null, false);
        int[] perm = pm.permutation(0);
        for (int k = 0; k < 784; k++) {
            float v = pm.task(0).train().feature(7, k);
            assertEquals(IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, 7, perm[k]) / 255f, v);
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void rejectsMoreTasksThanTheProtocolDefines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PermutedMnist(data, 11, null, null));
        assertTrue(e.getMessage().contains("data.tasks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PermutedMnist(data, 0, null, null));
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> new PermutedMnist(data, 1, 0, null));
        assertTrue(limit.getMessage().contains("data.trainLimit"), limit.getMessage());
    }
}
