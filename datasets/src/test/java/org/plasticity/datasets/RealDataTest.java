package org.plasticity.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plasticity.datasets.formats.DigitsCsv;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.MnistLike;
import org.plasticity.datasets.scenario.PermutedMnist;
import org.plasticity.datasets.scenario.SplitScenario;
import org.plasticity.datasets.scenario.Task;

/**
 * Checks the loaders against the real files (data.md's canonical numbers). Skipped when the data
 * has not been fetched. Maven runs tests in the module folder, so the default root is
 * {@code ../data}.
 */
class RealDataTest {

    private static Path root() {
        String env = System.getenv(DataRoot.ENV);
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "data");
    }

    private static void assumeFolder(String folder) {
        assumeTrue(Files.isDirectory(root().resolve(folder)),
                "no " + folder + " data under " + root().toAbsolutePath());
    }

    @Test
    void mnistHasTheCanonicalCountsAndLabels() {
        assumeFolder(MnistLike.MNIST);
        MnistLike mnist = MnistLike.load(root(), MnistLike.MNIST);
        assertEquals(60000, mnist.train().size());
        assertEquals(10000, mnist.test().size());
        assertEquals(28, mnist.train().images().rows());
        assertEquals(28, mnist.train().images().cols());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4},
                Arrays.copyOf(mnist.train().labels(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9},
                Arrays.copyOf(mnist.test().labels(), 10));
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.train().classCounts(10));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                mnist.test().classCounts(10));
    }

    @Test
    void fashionMnistIsBalanced() {
        assumeFolder(MnistLike.FASHION_MNIST);
        MnistLike fashion = MnistLike.load(root(), MnistLike.FASHION_MNIST);
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertArrayEquals(sixThousand, fashion.train().classCounts(10));
        assertArrayEquals(thousand, fashion.test().classCounts(10));
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5},
                Arrays.copyOf(fashion.train().labels(), 10));
    }

    @Test
    void digitsHaveTheCanonicalClassCounts() {
        assumeFolder(DigitsCsv.FOLDER);
        LabeledImages digits = DigitsCsv.load(root());
        assertEquals(1797, digits.size());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180},
                digits.classCounts(10));
        // First line of the file: 0,0,5,13,9,1,0,0,... label 0.
        assertEquals(5, digits.images().pixel(0, 2));
        assertEquals(13, digits.images().pixel(0, 3));
        assertEquals(0, digits.labels()[0]);
    }

    @Test
    void permutedMnistTaskZeroStartsWithPixel745() {
        assumeFolder(MnistLike.MNIST);
        PermutedMnist pm = PermutedMnist.load(root(), 10, null, null, true);
        Task t0 = pm.task(0);
        assertEquals(60000, t0.train().size());
        assertEquals(10000, t0.test().size());
        MnistLike mnist = MnistLike.load(root(), MnistLike.MNIST);
        int pixel745 = mnist.train().images().pixel(0, 745);
        assertEquals((pixel745 / 255f - 0.1307f) / 0.3081f, t0.train().feature(0, 0));
        // numpy float32 reference for image 0 under RandomState(400)'s permutation.
        float[] first = new float[5];
        for (int k = 0; k < 5; k++) {
            first[k] = t0.train().feature(0, k);
        }
        assertArrayEquals(new float[] {-0.42421296f, -0.42421296f, 1.3068269f, -0.42421296f,
                -0.42421296f}, first);
    }

    @Test
    void splitMnistFirstTaskHoldsAllZerosAndOnes() {
        assumeFolder(MnistLike.MNIST);
        SplitScenario s = SplitScenario.load(root(), MnistLike.MNIST, 5, 2, true, null, null, true);
        assertEquals(5923 + 6742, s.task(0).train().size());
        assertEquals(980 + 1135, s.task(0).test().size());
        assertEquals(5851 + 5949, s.task(4).train().size());
    }
}
