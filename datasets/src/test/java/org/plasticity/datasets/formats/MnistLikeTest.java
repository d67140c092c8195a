package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;

class MnistLikeTest {

    @TempDir
    Path tmp;

    @Test
    void loadsBothSplitsFromGzipFiles() {
        int[] train = IdxFixtures.cyclicLabels(12, 3);
        int[] test = IdxFixtures.cyclicLabels(5, 7);
        IdxFixtures.writeMnistLike(tmp, MnistLike.FASHION_MNIST, train, test, true);

        MnistLike data = MnistLike.load(tmp, MnistLike.FASHION_MNIST);
        assertEquals("fashion-mnist", data.folder());
        assertEquals(784, data.imageSize());
        assertArrayEquals(train, data.train().labels());
        assertArrayEquals(test, data.test().labels());
        assertEquals(12, data.train().images().count());
        assertEquals(IdxFixtures.pixel(IdxFixtures.TRAIN_SALT, 11, 783),
                data.train().images().pixel(11, 783));
        assertEquals(IdxFixtures.pixel(IdxFixtures.TEST_SALT, 4, 100),
                data.test().images().pixel(4, 100));
    }

    @Test
    void missingFileHintNamesTheDataSet() throws Exception {
        IdxFixtures.writeMnistLike(tmp, MnistLike.FASHION_MNIST, new int[] {1}, new int[] {2}, false);
        Path gone = tmp.resolve("fashion-mnist/t10k-labels-idx1-ubyte");
        Files.delete(gone);
        DataFileException e = assertThrows(DataFileException.class,
                () -> MnistLike.load(tmp, MnistLike.FASHION_MNIST));
        assertEquals(gone.toAbsolutePath(), e.path());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh --only fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("the folder that holds fashion-mnist/"), e.getMessage());
    }

    @Test
    void labelAboveNineIsRejected() {
        IdxFixtures.writeMnistLike(tmp, MnistLike.MNIST, new int[] {1, 2, 10}, new int[] {2}, false);
        DataFileException e = assertThrows(DataFileException.class,
                () -> MnistLike.load(tmp, MnistLike.MNIST));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("label 10 of sample 2 is outside 0..9"), e.getMessage());
    }
}
