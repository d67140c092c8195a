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
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.formats.MnistLike;

class SplitScenarioTest {

    @TempDir
    Path tmp;

    /** Train labels 0,3,6,9,2,5,8,1,4,7 repeated; sample i has label 3i mod 10. */
    private final int[] trainLabels = IdxFixtures.cyclicLabels(30, 3);
    private final int[] testLabels = IdxFixtures.cyclicLabels(20, 7);

    @BeforeEach
    void writeData() {
        IdxFixtures.writeMnistLike(tmp, MnistLike.FASHION_MNIST, trainLabels, testLabels, true);
    }

    private SplitScenario load(int tasks, int perTask, boolean taskIncremental, Integer trainLimit) {
        return SplitScenario.load(tmp, MnistLike.FASHION_MNIST, tasks, perTask, taskIncremental,
                trainLimit, null, true);
    }

    @Test
    void taskIncrementalUsesLocalLabelsAndPerTaskHeads() {
        SplitScenario s = load(5, 2, true, null);
        assertEquals("split-fashion-mnist", s.name());
        assertTrue(s.taskIncremental());
        assertEquals(5, s.numTasks());
        Task task = s.task(1);
        assertArrayEquals(new int[] {2, 3}, task.classes());
        assertEquals(2, task.outputs());
        // Samples with label 2 or 3 in file order: 3i mod 10 in {2,3} at i = 1, 4, 11, 14, 21, 24.
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0}, task.train().labels());
        int[] rows = {1, 4, 11, 14, 21, 24};
        for (int j = 0; j < rows.length; j++) {
            for (int k : new int[] {0, 300, 783}) {
                int pixel = IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, rows[j], k);
                assertEquals((pixel / 255f - 0.2860f) / 0.3530f, task.train().feature(j, k),
                        "sample " + j + " feature " + k);
            }
        }
        // Test labels 7i mod 10: 3 at i = 9, 19; 2 at i = 6, 16.
        assertArrayEquals(new int[] {0, 1, 0, 1}, task.test().labels());
        assertEquals(IdxFixtures.pixel(IdxFixtures.TEST_SALT, 9, 5) / 255f,
                (task.test().feature(1, 5) * 0.3530f + 0.2860f), 1e-6f);
    }

    @Test
    void classIncrementalKeepsGlobalLabelsAndOneHead() {
        SplitScenario s = load(5, 2, false, null);
        assertFalse(s.taskIncremental());
        assertEquals(10, s.sharedOutputs());
        Task task = s.task(4);
        assertArrayEquals(new int[] {8, 9}, task.classes());
        assertEquals(10, task.outputs());
        assertArrayEquals(new int[] {9, 8, 9, 8, 9, 8}, task.train().labels());
        int total = 0;
        for (int t = 0; t < 5; t++) {
            total += s.task(t).train().size();
        }
        assertEquals(30, total, "every sample belongs to exactly one task");
    }

    @Test
    void limitsApplyPerTaskAndClassGroupsFollowClassesPerTask() {
        SplitScenario s = load(3, 3, true, 4);
        Task last = s.task(2);
        assertArrayEquals(new int[] {6, 7, 8}, last.classes());
        assertEquals(3, last.outputs());
        // Labels 6,7,8 occur at i = 2 (6), 6 (8), 9 (7), 12 (6), ... -> first four local labels.
        assertArrayEquals(new int[] {0, 2, 1, 0}, last.train().labels());
        assertEquals(IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, 9, 0) / 255f,
                last.train().feature(2, 0) * 0.3530f + 0.2860f, 1e-6f);
    }

    @Test
    void unnormalizedFeaturesArePixelsOver255() {
        SplitScenario s = SplitScenario.load(tmp, MnistLike.FASHION_MNIST, 1, 2, true, null, null,
                false);
        assertEquals(IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, 0, 77) / 255f,
                s.task(0).train().feature(0, 77));
    }

    @Test
    void rejectsMoreTasksThanClassGroups() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(6, 2, true, null));
        assertTrue(e.getMessage().contains("data.tasks must be 1..5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> load(4, 3, true, null));
        assertThrows(IllegalArgumentException.class, () -> load(1, 11, true, null));
    }
}
