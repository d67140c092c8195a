package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;

class DigitsCsvTest {

    @TempDir
    Path tmp;

    /** A CSV line: pixel k is {@code (k + shift) mod 17}, then the label. */
    private static String line(int shift, int label, int pixels) {
        StringJoiner j = new StringJoiner(",");
        for (int k = 0; k < pixels; k++) {
            j.add(Integer.toString((k + shift) % 17));
        }
        return j.add(Integer.toString(label)).toString();
    }

    private Path writeDigits(String text) {
        return IdxFixtures.write(tmp.resolve("sklearn-digits").resolve(DigitsCsv.FILE),
                text.getBytes(StandardCharsets.US_ASCII), true);
    }

    @Test
    void readsGzipCsvExactly() {
        writeDigits(line(0, 3, 64) + "\n" + line(5, 0, 64) + "\n" + line(16, 9, 64) + "\n");
        LabeledImages digits = DigitsCsv.load(tmp);
        assertEquals(3, digits.size());
        assertEquals(8, digits.images().rows());
        assertEquals(8, digits.images().cols());
        assertArrayEquals(new int[] {3, 0, 9}, digits.labels());
        for (int i = 0; i < 3; i++) {
            int shift = new int[] {0, 5, 16}[i];
            for (int k = 0; k < 64; k++) {
                assertEquals((k + shift) % 17, digits.images().pixel(i, k), "image " + i + " pixel " + k);
            }
        }
    }

    @Test
    void wrongColumnCountIsRejectedWithItsLineNumber() {
        Path file = writeDigits(line(0, 1, 64) + "\n" + line(0, 2, 63) + "\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DigitsCsv.read(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 2: expected 65 columns, found 64"), e.getMessage());
    }

    @Test
    void outOfRangeValuesAreRejectedWithLineAndColumn() {
        Path pixel = writeDigits(line(0, 1, 64).replaceFirst("^0,", "17,") + "\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DigitsCsv.read(pixel));
        assertTrue(e.getMessage().contains("line 1, column 1: value 17 outside 0..16"), e.getMessage());

        Path label = writeDigits(line(0, 1, 64) + "\n" + line(0, 1, 64) + "\n" + line(0, 10, 64));
        e = assertThrows(DataFileException.class, () -> DigitsCsv.read(label));
        assertTrue(e.getMessage().contains("line 3, column 65: value 10 outside 0..9"), e.getMessage());
    }

    @Test
    void nonIntegerCellIsRejected() {
        Path file = writeDigits(line(0, 1, 64).replaceFirst("^0,", "0.5,") + "\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DigitsCsv.read(file));
        assertTrue(e.getMessage().contains("line 1, column 1: not an integer: '0.5'"), e.getMessage());
    }

    @Test
    void missingFileNamesTheDigitsFetch() {
        DataFileException e = assertThrows(DataFileException.class, () -> DigitsCsv.load(tmp));
        assertTrue(e.getMessage().contains(
                tmp.resolve("sklearn-digits/digits.csv.gz").toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh --only digits"), e.getMessage());
    }
}
