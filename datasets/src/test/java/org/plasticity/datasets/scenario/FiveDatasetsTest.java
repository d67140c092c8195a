package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;
import org.plasticity.datasets.formats.MnistLike;

class FiveDatasetsTest {

    @TempDir
    Path tmp;

    private static final int PLANE = 32 * 32;

    @BeforeEach
    void writeAllFive() {
        VisionFixtures.writeCifar10Binary(tmp, 1);
        IdxFixtures.writeMnistLike(tmp, MnistLike.MNIST, new int[] {4, 2}, new int[] {1}, false);
        VisionFixtures.writeSvhn(tmp.resolve("svhn/train_32x32.mat"), 5, new int[] {10, 3, 7});
        VisionFixtures.writeSvhn(tmp.resolve("svhn/test_32x32.mat"), 6, new int[] {2});
        IdxFixtures.writeMnistLike(tmp, MnistLike.FASHION_MNIST, new int[] {9}, new int[] {8}, true);
        VisionFixtures.write(tmp.resolve("notmnist/notmnist_train.pkl"), VisionFixtures.notMnistPickle(8, new int[] {6, 1}));
        VisionFixtures.write(tmp.resolve("notmnist/notmnist_test.pkl"), VisionFixtures.notMnistPickle(9, new int[] {3}));
    }

    private static ScenarioOptions options(int tasks, boolean normalize) {
        return new ScenarioOptions("five-datasets", null, tasks, null, null, 2, true, normalize);
    }

    @Test
    void fixedOrderEveryImage3x32x32AndOneHeadPerTask() {
        DatasetSequence s = FiveDatasets.create(tmp, options(5, true), true);
        assertEquals("five-datasets", s.name());
        assertEquals(5, s.numTasks());
        assertTrue(s.taskIncremental());
        assertArrayEquals(new long[] {3, 32, 32}, s.inputShape());
        String[] names = {"cifar-10", "mnist", "svhn", "fashion-mnist", "notmnist"};
        int[] trainSizes = {5, 2, 3, 1, 2};
        for (int t = 0; t < 5; t++) {
            Task task = s.task(t);
            assertTrue(task.name().contains(names[t]), task.name());
            assertEquals(10, task.outputs());
            assertEquals(trainSizes[t], task.train().size());
            assertArrayEquals(java.util.stream.IntStream.range(10 * t, 10 * t + 10).toArray(), task.classes());
        }
        assertArrayEquals(new int[] {0, 3, 7}, s.task(2).train().labels());
    }

    @Test
    void eachDataSetHasItsReferenceNormalization() {
        DatasetSequence s = FiveDatasets.create(tmp, options(5, true), true);
        // CIFAR-10 blue channel of image 0 of batch 1
        int c = IdxFixtures.pixel(1, 0, 2 * PLANE + 3);
        assertEquals((c / 255f - (float) (113.9 / 255)) / (float) (66.7 / 255), s.task(0).train().feature(0, 2 * PLANE + 3));
        // MNIST: Pad(2) -> the corner is padding, (y, x) = (2, 2) is source pixel 0; all three channels equal
        Split mnist = s.task(1).train();
        assertEquals((0f - 0.1f) / 0.2752f, mnist.feature(0, 0));
        int m = IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, 1, 28 + 5);
        for (int ch = 0; ch < 3; ch++) {
            assertEquals((m / 255f - 0.1f) / 0.2752f, mnist.feature(1, ch * PLANE + 3 * 32 + 7));
        }
        // SVHN per channel
        int v = IdxFixtures.pixel(5, 2, PLANE + 40);
        assertEquals((v / 255f - 0.4438f) / 0.201f, s.task(2).train().feature(2, PLANE + 40));
        // Fashion-MNIST padded, 0.2190 / 0.3318
        int f = IdxFixtures.pixel(IdxFixtures.TEST_SALT, 0, 0);
        assertEquals((f / 255f - 0.2190f) / 0.3318f, s.task(3).test().feature(0, 2 * PLANE + 2 * 32 + 2));
        // notMNIST repeated to three channels, 0.4254 / 0.4501
        int n = IdxFixtures.pixel(8, 1, 500);
        assertEquals((n / 255f - 0.4254f) / 0.4501f, s.task(4).train().feature(1, 2 * PLANE + 500));
        assertArrayEquals(new int[] {6, 1}, s.task(4).train().labels());
        // without normalization every data set is x / 255
        assertEquals(n / 255f, FiveDatasets.create(tmp, options(5, false), true).task(4).train().feature(1, 500));
    }

    @Test
    void domainIncrementalSharesOneHeadOfTen() {
        DatasetSequence s = FiveDatasets.create(tmp, options(5, true), false);
        assertEquals("five-datasets-domain", s.name());
        assertFalse(s.taskIncremental());
        assertEquals(10, s.sharedOutputs());
        for (int t = 0; t < 5; t++) {
            assertEquals(10, s.task(t).outputs());
            assertArrayEquals(java.util.stream.IntStream.range(0, 10).toArray(), s.task(t).classes());
        }
        assertArrayEquals(new int[] {9}, s.task(3).train().labels());
    }

    @Test
    void onlyTheDataSetsOfTheAskedTasksAreRead() {
        Path partial = tmp.resolve("partial");
        VisionFixtures.writeCifar10Binary(partial, 1);
        IdxFixtures.writeMnistLike(partial, MnistLike.MNIST, new int[] {4}, new int[] {1}, false);
        assertEquals(2, FiveDatasets.create(partial, options(2, true), true).numTasks());
        DataFileException e = assertThrows(DataFileException.class,
                () -> FiveDatasets.create(partial, options(3, true), true));
        assertTrue(e.getMessage().contains("svhn/train_32x32.mat"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FiveDatasets.create(partial, options(6, true), true));
    }

    @Test
    void limitsKeepTheFirstSamplesOfEachTask() {
        DatasetSequence s = FiveDatasets.create(tmp,
                new ScenarioOptions("five-datasets", null, 5, 1, 1, 2, true, true), true);
        for (int t = 0; t < 5; t++) {
            assertEquals(1, s.task(t).train().size());
            assertEquals(1, s.task(t).test().size());
        }
        assertArrayEquals(new int[] {0}, s.task(2).train().labels());
    }
}
