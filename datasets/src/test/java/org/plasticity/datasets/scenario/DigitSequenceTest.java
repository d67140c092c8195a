package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.MnistLike;

class DigitSequenceTest {

    @TempDir
    Path tmp;

    /** 1440 digits: sample i is all 16s when i is even and all 0s when odd, label i mod 10. */
    @BeforeEach
    void writeData() {
        IdxFixtures.writeMnistLike(tmp, MnistLike.MNIST, new int[] {1, 2, 3}, new int[] {4}, false);
        IdxFixtures.writeMnistLike(tmp, MnistLike.FASHION_MNIST, new int[] {5, 6}, new int[] {7}, true);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 1440; i++) {
            String v = i % 2 == 0 ? "16" : "0";
            csv.append((v + ",").repeat(64)).append(i % 10).append('\n');
        }
        VisionFixtures.write(tmp.resolve("sklearn-digits/digits.csv.gz"),
                IdxFixtures.gzip(csv.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void mnistThenFashionThenDigitsWithPerTaskHeadsAt28x28() {
        DatasetSequence s = DigitSequence.create(tmp,
                new ScenarioOptions("mnist-fashion-digits", null, 3, null, null, 2, true, true));
        assertEquals(3, s.numTasks());
        assertTrue(s.taskIncremental());
        assertArrayEquals(new long[] {1, 28, 28}, s.inputShape());
        assertArrayEquals(new int[] {1, 2, 3}, s.task(0).train().labels());
        int p = IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, 1, 300);
        assertEquals((p / 255f - 0.1307f) / 0.3081f, s.task(0).train().feature(1, 300));
        int f = IdxFixtures.pixel(IdxFixtures.TEST_SALT, 0, 9);
        assertEquals((f / 255f - 0.2860f) / 0.3530f, s.task(1).test().feature(0, 9));
        Task digits = s.task(2);
        assertEquals(1437, digits.train().size());
        assertEquals(3, digits.test().size());
        assertArrayEquals(new int[] {7, 8, 9}, digits.test().labels());
        // all-16 images become 255 everywhere, all-0 images 0 (bilinear weights sum to one)
        assertEquals((1f - 0.3056f) / 0.3239f, digits.train().feature(0, 0));
        assertEquals((1f - 0.3056f) / 0.3239f, digits.train().feature(0, 783));
        assertEquals((0f - 0.3056f) / 0.3239f, digits.train().feature(1, 400));
        assertEquals(10, digits.outputs());
    }

    @Test
    void digitValuesScaleToBytesRoundingHalvesUp() {
        byte[] v = {0, 1, 8, 15, 16};
        ImageSet bytes = DigitSequence.toBytes(new ImageSet(v, 1, 1, 5));
        // round(v * 255 / 16): 0, 15.94 -> 16, 127.5 -> 128, 239.06 -> 239, 255
        assertArrayEquals(new byte[] {0, 16, (byte) 128, (byte) 239, (byte) 255}, bytes.pixels());
    }

    @Test
    void fewerTasksReadFewerDataSets() {
        Path onlyMnist = tmp.resolve("m");
        IdxFixtures.writeMnistLike(onlyMnist, MnistLike.MNIST, new int[] {1}, new int[] {2}, false);
        assertEquals(1, DigitSequence.create(onlyMnist,
                new ScenarioOptions("mnist-fashion-digits", null, 1, null, null, 2, true, false)).numTasks());
    }
}
