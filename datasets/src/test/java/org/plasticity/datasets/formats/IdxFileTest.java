package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;

class IdxFileTest {

    @TempDir
    Path tmp;

    /** 3 images of 2x3 with values across the whole unsigned range, including 128..255. */
    private static final byte[] PIXELS = {
        0, 1, 2, 127, (byte) 128, (byte) 255,
        10, 20, 30, 40, 50, 60,
        (byte) 200, (byte) 201, 0, 5, (byte) 254, 7
    };
    private static final int[] LABELS = {9, 0, 255};

    @ParameterizedTest
    @CsvSource({
        "train-images-idx3-ubyte, train-labels-idx1-ubyte, false",
        "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, true",
        "train-images.idx3-ubyte, train-labels.idx1-ubyte, false",
        "train-images.idx3-ubyte.gz, train-labels.idx1-ubyte.gz, true"
    })
    void readsEveryNameVariantRawAndGzipExactly(String imagesName, String labelsName, boolean gz) {
        IdxFixtures.write(tmp.resolve(imagesName), IdxFixtures.images(3, 2, 3, PIXELS), gz);
        IdxFixtures.write(tmp.resolve(labelsName), IdxFixtures.labels(LABELS), gz);

        Path imagesFile = IdxFile.locate(tmp, "train-images-idx3-ubyte");
        Path labelsFile = IdxFile.locate(tmp, "train-labels-idx1-ubyte");
        assertEquals(tmp.resolve(imagesName), imagesFile);
        assertEquals(tmp.resolve(labelsName), labelsFile);

        LabeledImages pair = IdxFile.readPair(imagesFile, labelsFile);
        ImageSet images = pair.images();
        assertEquals(3, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.cols());
        assertArrayEquals(PIXELS, images.pixels());
        assertEquals(255, images.pixel(0, 5));
        assertEquals(254, images.pixel(2, 4));
        assertArrayEquals(LABELS, pair.labels());
    }

    @Test
    void gzipIsDetectedByContentNotByName() {
        Path gzipWithoutSuffix = IdxFixtures.write(tmp.resolve("a-idx3-ubyte"),
                IdxFixtures.images(3, 2, 3, PIXELS), true);
        Path rawWithGzSuffix = IdxFixtures.write(tmp.resolve("b-idx3-ubyte.gz"),
                IdxFixtures.images(3, 2, 3, PIXELS), false);
        assertArrayEquals(PIXELS, IdxFile.readImages(gzipWithoutSuffix).pixels());
        assertArrayEquals(PIXELS, IdxFile.readImages(rawWithGzSuffix).pixels());
    }

    @Test
    void listsTheAcceptedNameVariants() {
        assertEquals(List.of("t10k-labels-idx1-ubyte", "t10k-labels-idx1-ubyte.gz",
                "t10k-labels.idx1-ubyte", "t10k-labels.idx1-ubyte.gz"),
                IdxFile.nameVariants("t10k-labels-idx1-ubyte"));
    }

    @Test
    void truncatedImagesFileIsRejected() {
        byte[] full = IdxFixtures.images(3, 2, 3, PIXELS);
        Path file = IdxFixtures.write(tmp.resolve("mnist/train-images-idx3-ubyte"),
                Arrays.copyOf(full, full.length - 4), false);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated: expected 34 bytes, found 30"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh --only mnist"), e.getMessage());
        assertEquals(file.toAbsolutePath(), e.path());
    }

    @Test
    void truncatedGzipLabelsFileIsRejectedAfterDecompression() {
        int[] labels = {1, 2, 3, 4};
        byte[] full = IdxFixtures.labels(labels);
        Path file = IdxFixtures.write(tmp.resolve("train-labels-idx1-ubyte.gz"),
                Arrays.copyOf(full, full.length - 1), true);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readLabels(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated: expected 12 bytes, found 11"), e.getMessage());
    }

    @Test
    void fileShorterThanItsHeaderIsRejected() {
        Path file = IdxFixtures.write(tmp.resolve("x-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0}, false);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().contains("expected at least 16 header bytes, found 5"),
                e.getMessage());
    }

    @Test
    void brokenGzipStreamIsRejected() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(3, 2, 3, PIXELS));
        Path file = IdxFixtures.write(tmp.resolve("x-idx3-ubyte.gz"),
                Arrays.copyOf(gz, gz.length / 2), false);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("broken gzip data"), e.getMessage());
    }

    @Test
    void overLongFileIsRejected() {
        byte[] full = IdxFixtures.images(3, 2, 3, PIXELS);
        Path file = IdxFixtures.write(tmp.resolve("train-images-idx3-ubyte"),
                Arrays.copyOf(full, full.length + 1), false);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("too long: expected 34 bytes, found 35"), e.getMessage());
    }

    @Test
    void wrongMagicNumberIsRejected() {
        Path file = IdxFixtures.write(tmp.resolve("train-images-idx3-ubyte"),
                IdxFixtures.labels(new int[] {1, 2, 3, 4, 5, 6, 7, 8}), false);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(
                "wrong magic number 0x00000801, expected 0x00000803 (IDX images)"), e.getMessage());
    }

    @Test
    void wrongElementTypeIsRejectedByTheMagicNumber() {
        byte[] bytes = IdxFixtures.labels(new int[] {1, 2});
        bytes[2] = 0x0D; // float32 instead of ubyte
        Path file = IdxFixtures.write(tmp.resolve("train-labels-idx1-ubyte"), bytes, false);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readLabels(file));
        assertTrue(e.getMessage().contains(
                "wrong magic number 0x00000D01, expected 0x00000801 (IDX labels)"), e.getMessage());
    }

    @Test
    void zeroImageSizeIsRejected() {
        Path file = IdxFixtures.write(tmp.resolve("x-idx3-ubyte"),
                IdxFixtures.images(2, 0, 3, new byte[0]), false);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.readImages(file));
        assertTrue(e.getMessage().contains("rows is 0 in the header"), e.getMessage());
    }

    @Test
    void missingFileNamesThePathAndTheFetchScript() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> IdxFile.locate(dir, "t10k-images-idx3-ubyte"));
        Path expected = dir.resolve("t10k-images-idx3-ubyte").toAbsolutePath();
        assertEquals(expected, e.path());
        assertTrue(e.getMessage().startsWith("data file not found: " + expected), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh --only mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("PLASTICITY_DATA"), e.getMessage());
    }

    @Test
    void pairWithDifferentCountsIsRejected() {
        Path images = IdxFixtures.write(tmp.resolve("i-idx3-ubyte"),
                IdxFixtures.images(3, 2, 3, PIXELS), false);
        Path labels = IdxFixtures.write(tmp.resolve("l-idx1-ubyte"),
                IdxFixtures.labels(new int[] {1, 2}), false);
        DataFileException e = assertThrows(DataFileException.class,
                () -> IdxFile.readPair(images, labels));
        assertEquals(labels.toAbsolutePath(), e.path());
        assertTrue(e.getMessage().contains("has 2 labels but " + images.toAbsolutePath()
                + " has 3 images"), e.getMessage());
    }
}
