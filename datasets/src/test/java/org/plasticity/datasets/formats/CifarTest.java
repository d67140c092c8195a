package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;

class CifarTest {

    @TempDir
    Path tmp;

    @Test
    void cifar10BinaryConcatenatesTheFiveBatchesInOrder() {
        VisionFixtures.writeCifar10Binary(tmp, 3);
        ImageDataset d = Cifar.CIFAR10.load(tmp);
        assertEquals(15, d.train().size());
        assertEquals(3, d.test().size());
        assertArrayEquals(new long[] {3, 32, 32}, d.shape());
        // image 4 is batch 2's image 1: label 3, pixels pixel(2, 1, k); byte 1024 is the first green pixel
        assertEquals(3, d.train().labels()[4]);
        for (int k : new int[] {0, 1023, 1024, 3071}) {
            assertEquals(IdxFixtures.pixel(2, 1, k), d.train().images().pixel(4, k), "byte " + k);
        }
        assertArrayEquals(new int[] {0, 7, 4}, d.test().labels());
        assertEquals(IdxFixtures.pixel(0, 2, 2048), d.test().images().pixel(2, 2048));
    }

    @Test
    void cifar100BinaryKeepsTheFineLabelAndChecksTheCoarseOne() {
        Path f = VisionFixtures.write(tmp.resolve("cifar-100-binary/train.bin"),
                VisionFixtures.cifarBinary(9, new int[] {19, 0}, new int[] {99, 42}));
        LabeledImages l = Cifar.CIFAR100.readBinary(f);
        assertArrayEquals(new int[] {99, 42}, l.labels());
        assertEquals(IdxFixtures.pixel(9, 1, 3000), l.images().pixel(1, 3000));
        Path bad = VisionFixtures.write(tmp.resolve("bad.bin"),
                VisionFixtures.cifarBinary(9, new int[] {20}, new int[] {5}));
        assertMessage(() -> Cifar.CIFAR100.readBinary(bad), "coarse label 20 of record 0 is outside 0..19");
    }

    @Test
    void truncatedRecordsAndBadLabelsNameTheFile() {
        byte[] two = VisionFixtures.cifarBinary(1, null, new int[] {1, 2});
        Path cut = VisionFixtures.write(tmp.resolve("cut.bin"), Arrays.copyOf(two, two.length - 10));
        assertMessage(() -> Cifar.CIFAR10.readBinary(cut),
                "truncated: 6136 bytes is not a whole number of 3073-byte cifar-10 records");
        Path empty = VisionFixtures.write(tmp.resolve("empty.bin"), new byte[0]);
        assertMessage(() -> Cifar.CIFAR10.readBinary(empty), "truncated: 0 bytes");
        Path label = VisionFixtures.write(tmp.resolve("label.bin"), VisionFixtures.cifarBinary(1, null, new int[] {10}));
        assertMessage(() -> Cifar.CIFAR10.readBinary(label), "label 10 of record 0 is outside 0..9");
    }

    @Test
    void pythonVersionReadsEveryWriterAndGivesTheSameImagesAsBinary() {
        int[] labels = {3, 99, 0};
        Path bin = VisionFixtures.write(tmp.resolve("b/train.bin"),
                VisionFixtures.cifarBinary(4, new int[] {1, 2, 3}, labels));
        LabeledImages fromBinary = Cifar.CIFAR100.readBinary(bin);
        for (NumpyPickles.Style style : NumpyPickles.Style.values()) {
            Path py = VisionFixtures.write(tmp.resolve("py-" + style),
                    VisionFixtures.cifarPickle(style, 4, "fine_labels", labels));
            LabeledImages fromPython = Cifar.CIFAR100.readPython(py);
            assertArrayEquals(labels, fromPython.labels(), style.name());
            assertArrayEquals(fromBinary.images().pixels(), fromPython.images().pixels(), style.name());
        }
    }

    @Test
    void loadPrefersTheBinaryFolderAndFallsBackToPython() {
        Path py = tmp.resolve("cifar-100-python");
        VisionFixtures.write(py.resolve("train"), VisionFixtures.cifarPickle(NumpyPickles.Style.PY2, 1,
                "fine_labels", new int[] {5, 6}));
        VisionFixtures.write(py.resolve("test"), VisionFixtures.cifarPickle(NumpyPickles.Style.PY2, 2,
                "fine_labels", new int[] {7}));
        ImageDataset fromPython = Cifar.CIFAR100.load(tmp);
        assertArrayEquals(new int[] {5, 6}, fromPython.train().labels());
        assertEquals(IdxFixtures.pixel(2, 0, 100), fromPython.test().images().pixel(0, 100));
        VisionFixtures.write(tmp.resolve("cifar-100-binary/train.bin"),
                VisionFixtures.cifarBinary(3, new int[] {0}, new int[] {8}));
        assertMessage(() -> Cifar.CIFAR100.load(tmp), "cifar-100-binary/test.bin");
    }

    @Test
    void aMissingDataSetPointsToTheDoc() {
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar.CIFAR10.load(tmp));
        assertTrue(e.getMessage().startsWith("data file not found: "
                + tmp.resolve("cifar-10-batches-bin/data_batch_1.bin").toAbsolutePath()), e.getMessage());
        assertTrue(e.getMessage().contains("docs/DATASETS.md"), e.getMessage());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable run, String part) {
        DataFileException e = assertThrows(DataFileException.class, run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
