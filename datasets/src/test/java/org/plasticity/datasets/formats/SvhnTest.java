package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;

class SvhnTest {

    @TempDir
    Path tmp;

    @Test
    void pixelCyxIsMatlabXyxcnAndTenIsTheDigitZero() {
        Path f = tmp.resolve("svhn/train_32x32.mat");
        VisionFixtures.writeSvhn(f, 11, new int[] {10, 1, 9});
        LabeledImages l = Svhn.read(f);
        assertArrayEquals(new int[] {0, 1, 9}, l.labels());
        assertEquals(3, l.images().channels());
        for (int n = 0; n < 3; n++) {
            for (int k : new int[] {0, 1, 32, 1023, 1024, 2047, 2048 + 5 * 32 + 7, 3071}) {
                assertEquals(IdxFixtures.pixel(11, n, k), l.images().pixel(n, k), "image " + n + " byte " + k);
            }
        }
    }

    @Test
    void loadReadsBothSplits() throws Exception {
        VisionFixtures.writeSvhn(tmp.resolve("svhn/train_32x32.mat"), 1, new int[] {3, 4});
        VisionFixtures.writeSvhn(tmp.resolve("svhn/test_32x32.mat"), 2, new int[] {10});
        ImageDataset d = Svhn.load(tmp);
        assertArrayEquals(new int[] {3, 4}, d.train().labels());
        assertArrayEquals(new int[] {0}, d.test().labels());
        Files.delete(tmp.resolve("svhn/test_32x32.mat"));
        DataFileException e = assertThrows(DataFileException.class, () -> Svhn.load(tmp));
        assertTrue(e.getMessage().contains("test_32x32.mat"), e.getMessage());
    }

    @Test
    void damagedFilesNameTheFile() throws Exception {
        Path good = tmp.resolve("good.mat");
        VisionFixtures.writeSvhn(good, 1, new int[] {3, 4});
        byte[] bytes = Files.readAllBytes(good);
        for (int cut : new int[] {60, 200, bytes.length - 7}) {
            Path f = VisionFixtures.write(tmp.resolve("cut.mat"), Arrays.copyOf(bytes, cut));
            assertMessage(f, "cut.mat");
        }
        byte[] v73 = new byte[512];
        System.arraycopy("MATLAB 7.3 MAT-file".getBytes(StandardCharsets.US_ASCII), 0, v73, 0, 19);
        assertMessage(VisionFixtures.write(tmp.resolve("v73.mat"), v73), "MATLAB 7.3 (HDF5)");
        assertMessage(VisionFixtures.write(tmp.resolve("x.mat"), new byte[200]), "not a MATLAB v5 MAT-file");
    }

    @Test
    void labelsOutsideOneToTenAreRefused() {
        Path f = tmp.resolve("l.mat");
        VisionFixtures.writeSvhn(f, 1, new int[] {0});
        assertMessage(f, "label 0.0 of image 0 is outside 1..10");
    }

    private static void assertMessage(Path f, String part) {
        DataFileException e = assertThrows(DataFileException.class, () -> Svhn.read(f));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains(f.toAbsolutePath().toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("Exception"), "no exception class in a user message: " + e.getMessage());
    }
}
