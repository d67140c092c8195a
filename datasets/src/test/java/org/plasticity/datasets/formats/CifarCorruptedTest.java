package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;

class CifarCorruptedTest {

    @TempDir
    Path tmp;

    /** Five severity blocks of two images; image r of the file has pattern pixels pixel(1, r, k) in HWC order. */
    @BeforeEach
    void writeFolder() {
        VisionFixtures.write(tmp.resolve("fog.npy"), VisionFixtures.npy("|u1", false, new long[] {10, 32, 32, 3},
                IdxFixtures.patternPixels(1, 10, 3072)));
        ByteBuffer labels = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < 10; r++) {
            labels.putLong(r % 2 == 0 ? 3 : 8);
        }
        VisionFixtures.write(tmp.resolve("labels.npy"), VisionFixtures.npy("<i8", false, new long[] {10},
                labels.array()));
    }

    @Test
    void severityPicksItsBlockAndImagesBecomeChw() {
        LabeledImages s3 = CifarCorrupted.load(tmp, "fog", 3);
        assertEquals(2, s3.size());
        assertArrayEquals(new int[] {3, 8}, s3.labels());
        // severity 3 = file rows 4 and 5; CHW (c, p) is HWC byte p * 3 + c
        for (int j = 0; j < 2; j++) {
            for (int c = 0; c < 3; c++) {
                for (int p : new int[] {0, 1, 33, 1023}) {
                    assertEquals(IdxFixtures.pixel(1, 4 + j, p * 3 + c), s3.images().pixel(j, c * 1024 + p));
                }
            }
        }
        assertEquals(IdxFixtures.pixel(1, 9, 5), CifarCorrupted.load(tmp, "fog", 5).images().pixel(1, 2 * 1024 + 1));
    }

    @Test
    void badArgumentsAndFilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CifarCorrupted.load(tmp, "fog", 0));
        assertThrows(IllegalArgumentException.class, () -> CifarCorrupted.load(tmp, "fog", 6));
        assertThrows(IllegalArgumentException.class, () -> CifarCorrupted.load(tmp, "../fog", 1));
        DataFileException missing = assertThrows(DataFileException.class, () -> CifarCorrupted.load(tmp, "snow", 1));
        assertTrue(missing.getMessage().contains("snow.npy"), missing.getMessage());
        VisionFixtures.write(tmp.resolve("odd.npy"), VisionFixtures.npy("|u1", false, new long[] {7, 32, 32, 3},
                new byte[7 * 3072]));
        DataFileException odd = assertThrows(DataFileException.class, () -> CifarCorrupted.load(tmp, "odd", 1));
        assertTrue(odd.getMessage().contains("expected (5 * n, 32, 32, 3)"), odd.getMessage());
        VisionFixtures.write(tmp.resolve("more.npy"), VisionFixtures.npy("|u1", false, new long[] {15, 32, 32, 3},
                new byte[15 * 3072]));
        DataFileException rows = assertThrows(DataFileException.class, () -> CifarCorrupted.load(tmp, "more", 1));
        assertTrue(rows.getMessage().contains("has 10 rows but"), rows.getMessage());
    }
}
