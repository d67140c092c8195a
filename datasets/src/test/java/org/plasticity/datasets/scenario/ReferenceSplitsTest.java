package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;
import org.plasticity.datasets.formats.NumpyPickles;

class ReferenceSplitsTest {

    @TempDir
    Path tmp;

    private static ScenarioOptions options(String name, int tasks, boolean taskIncremental) {
        return new ScenarioOptions(name, null, tasks, null, null, 2, taskIncremental, true);
    }

    @Test
    void miniImageNetGroupsAreNumpysSeed2022Permutation() {
        int[][] g = ReferenceSplits.miniImageNetGroups();
        assertEquals(20, g.length);
        assertArrayEquals(new int[] {79, 76, 83, 5, 35}, g[0]);
        assertArrayEquals(new int[] {57, 22, 96, 67, 58}, g[1]);
        assertArrayEquals(new int[] {88, 55, 49, 45, 92}, g[19]);
        int[] all = Arrays.stream(g).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, 100).toArray(), all);
    }

    @Test
    void cifar100TaskIsLabelDivTenWithLocalLabelModTenAndTheReferenceNormalization() {
        int[] train = {0, 15, 99, 10, 5, 19};
        VisionFixtures.write(tmp.resolve("cifar-100-binary/train.bin"),
                VisionFixtures.cifarBinary(3, new int[6], train));
        VisionFixtures.write(tmp.resolve("cifar-100-binary/test.bin"),
                VisionFixtures.cifarBinary(4, new int[2], new int[] {11, 98}));
        SplitScenario s = ReferenceSplits.cifar100(tmp, options("split-cifar100", 10, true));
        assertEquals("split-cifar100", s.name());
        assertEquals(10, s.numTasks());
        assertArrayEquals(new long[] {3, 32, 32}, s.inputShape());
        Task t1 = s.task(1);
        assertArrayEquals(java.util.stream.IntStream.range(10, 20).toArray(), t1.classes());
        assertEquals(10, t1.outputs());
        // file rows 1 (15), 3 (10), 5 (19) in order, local labels label % 10
        assertArrayEquals(new int[] {5, 0, 9}, t1.train().labels());
        // green channel of row 3: (p / 255 - 123.0/255) / (62.1/255) in float
        int p = IdxFixtures.pixel(3, 3, 1024 + 77);
        assertEquals((p / 255f - (float) (123.0 / 255)) / (float) (62.1 / 255), t1.train().feature(1, 1024 + 77));
        int q = IdxFixtures.pixel(3, 1, 0);
        assertEquals((q / 255f - (float) (125.3 / 255)) / (float) (63.0 / 255), t1.train().feature(0, 0));
        assertArrayEquals(new int[] {1}, t1.test().labels());
        assertArrayEquals(new int[] {8}, s.task(9).test().labels());
        assertEquals(0, s.task(3).train().size());

        SplitScenario global = ReferenceSplits.cifar100(tmp, options("split-cifar100", 2, false));
        assertFalse(global.taskIncremental());
        assertEquals(100, global.sharedOutputs());
        assertArrayEquals(new int[] {15, 10, 19}, global.task(1).train().labels());
        assertThrows(IllegalArgumentException.class, () -> ReferenceSplits.cifar100(tmp, options("x", 11, true)));
    }

    @Test
    void miniImageNetTasksFollowTheGroupsAndImagesAreResizedTo84() {
        long[] labels = {5, 79, 88, 35, 76};
        VisionFixtures.write(tmp.resolve("miniimagenet/train.pkl"),
                VisionFixtures.miniImageNetPickle(NumpyPickles.Style.PROTOCOL4, 1, 84, labels));
        VisionFixtures.write(tmp.resolve("miniimagenet/test.pkl"),
                VisionFixtures.miniImageNetPickle(NumpyPickles.Style.PROTOCOL4, 2, 84, new long[] {45}));
        SplitScenario s = ReferenceSplits.miniImageNet(tmp, options("split-miniimagenet", 20, true));
        assertEquals(20, s.numTasks());
        assertArrayEquals(new long[] {3, 84, 84}, s.inputShape());
        Task t0 = s.task(0);
        assertArrayEquals(new int[] {79, 76, 83, 5, 35}, t0.classes());
        assertEquals(5, t0.outputs());
        // rows 0 (5), 1 (79), 3 (35), 4 (76) -> local labels by position in [79, 76, 83, 5, 35]
        assertArrayEquals(new int[] {3, 0, 4, 1}, t0.train().labels());
        // red channel, pixel (y=0, x=1) of row 1 is HWC byte 3; ImageNet mean/std
        int p = IdxFixtures.pixel(1, 1, 3);
        assertEquals((p / 255f - 0.485f) / 0.229f, t0.train().feature(1, 1));
        assertArrayEquals(new int[] {3}, s.task(19).test().labels());
        assertArrayEquals(new int[] {0}, s.task(19).train().labels());

        // 42x42 constant images (every byte 200) come out 84x84 and still constant
        byte[] flat = new byte[42 * 42 * 3];
        Arrays.fill(flat, (byte) 200);
        VisionFixtures.write(tmp.resolve("small/miniimagenet/train.pkl"), NumpyPickles.dict(NumpyPickles.Style.PROTOCOL5,
                java.util.Map.of("images", NumpyPickles.Array.uint8(new long[] {1, 42, 42, 3}, flat),
                        "labels", new int[] {79})));
        VisionFixtures.write(tmp.resolve("small/miniimagenet/test.pkl"), NumpyPickles.dict(NumpyPickles.Style.PROTOCOL5,
                java.util.Map.of("images", NumpyPickles.Array.uint8(new long[] {1, 42, 42, 3}, flat),
                        "labels", new int[] {79})));
        SplitScenario small = ReferenceSplits.miniImageNet(tmp.resolve("small"), options("m", 1, true));
        assertArrayEquals(new long[] {3, 84, 84}, small.inputShape());
        assertEquals((200 / 255f - 0.406f) / 0.225f, small.task(0).train().feature(0, 2 * 84 * 84 + 84 * 84 - 1));
        assertTrue(ReferenceSplits.miniImageNet(tmp, options("m", 1, false)).task(0).outputs() == 100);
    }
}
