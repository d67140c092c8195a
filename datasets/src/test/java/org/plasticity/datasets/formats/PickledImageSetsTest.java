package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;

/** notMNIST and miniImageNet pickles, as the reference's loaders read them. */
class PickledImageSetsTest {

    @TempDir
    Path tmp;

    @Test
    void notMnistIsGray32x32WithUint8Labels() {
        Path f = VisionFixtures.write(tmp.resolve("notmnist/notmnist_train.pkl"),
                VisionFixtures.notMnistPickle(6, new int[] {0, 9, 4}));
        LabeledImages l = NotMnist.read(f);
        assertArrayEquals(new int[] {0, 9, 4}, l.labels());
        assertEquals(1, l.images().channels());
        assertEquals(32, l.images().rows());
        assertEquals(IdxFixtures.pixel(6, 2, 1000), l.images().pixel(2, 1000));
        VisionFixtures.write(tmp.resolve("notmnist/notmnist_test.pkl"), VisionFixtures.notMnistPickle(7, new int[] {1}));
        assertArrayEquals(new int[] {1}, NotMnist.load(tmp).test().labels());
    }

    @Test
    void miniImageNetIsConvertedFromHwcToChw() {
        for (NumpyPickles.Style style : NumpyPickles.Style.values()) {
            Path f = VisionFixtures.write(tmp.resolve("train.pkl"),
                    VisionFixtures.miniImageNetPickle(style, 2, 4, new long[] {79, 0, 99}));
            LabeledImages l = MiniImageNet.read(f);
            assertArrayEquals(new int[] {79, 0, 99}, l.labels(), style.name());
            // CHW (c, y, x) of image n is HWC byte (y * 4 + x) * 3 + c
            for (int n = 0; n < 3; n++) {
                for (int c = 0; c < 3; c++) {
                    for (int p = 0; p < 16; p++) {
                        assertEquals(IdxFixtures.pixel(2, n, p * 3 + c), l.images().pixel(n, c * 16 + p));
                    }
                }
            }
        }
    }

    @Test
    void miniImageNetChecksShapeAndLabels() {
        Path gray = VisionFixtures.write(tmp.resolve("gray.pkl"), NumpyPickles.dict(NumpyPickles.Style.PROTOCOL4,
                Map.of("images", NumpyPickles.Array.uint8(new long[] {1, 2, 2}, new byte[4]),
                        "labels", new int[] {0})));
        assertMessage(() -> MiniImageNet.read(gray), "images has shape (1, 2, 2), expected (N, height, width, 3)");
        Path label = VisionFixtures.write(tmp.resolve("label.pkl"),
                VisionFixtures.miniImageNetPickle(NumpyPickles.Style.PROTOCOL5, 1, 2, new long[] {100}));
        assertMessage(() -> MiniImageNet.read(label), "label 100 of sample 0 is outside 0..99");
        DataFileException missing = assertThrows(DataFileException.class, () -> MiniImageNet.load(tmp));
        assertTrue(missing.getMessage().contains("miniimagenet/train.pkl"), missing.getMessage());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable run, String part) {
        DataFileException e = assertThrows(DataFileException.class, run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
