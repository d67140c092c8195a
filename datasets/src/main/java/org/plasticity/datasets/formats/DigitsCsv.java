package org.plasticity.datasets.formats;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.datasets.DataFileException;

/**
 * Reader for UCI optdigits as shipped by scikit-learn ({@code digits.csv.gz}): gzip CSV without a
 * header, one sample per line, 65 integer columns: 64 pixels (8x8 row-major, values 0..16), then
 * the label 0..9.
 */
public final class DigitsCsv {

    /** Folder under the data root that holds the file. */
    public static final String FOLDER = "sklearn-digits";
    /** File name inside {@link #FOLDER}. */
    public static final String FILE = "digits.csv.gz";
    /** Image side length. */
    public static final int SIDE = 8;
    /** Largest pixel value. */
    public static final int MAX_PIXEL = 16;
    /** Number of classes. */
    public static final int CLASSES = 10;

    private static final int PIXELS = SIDE * SIDE;

    private DigitsCsv() {}

    /**
     * @param root the data root
     * @return the samples of {@code <root>/sklearn-digits/digits.csv.gz}
     * @throws DataFileException if the file is missing or malformed
     */
    public static LabeledImages load(Path root) {
        return read(root.resolve(FOLDER).resolve(FILE));
    }

    /**
     * @param file a digits CSV file, gzip or plain
     * @return its samples, pixels 0..16 stored as unsigned bytes
     * @throws DataFileException if the file is missing or a line is malformed (names the line)
     */
    public static LabeledImages read(Path file) {
        String text = new String(DataBytes.read(file), StandardCharsets.US_ASCII);
        List<byte[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int lineNumber = n + 1;
            if (cells.length != PIXELS + 1) {
                throw DataFileException.corrupt(file, "line " + lineNumber + ": expected "
                        + (PIXELS + 1) + " columns, found " + cells.length);
            }
            byte[] pixels = new byte[PIXELS];
            for (int k = 0; k < PIXELS; k++) {
                pixels[k] = (byte) cell(file, lineNumber, k, cells[k], MAX_PIXEL);
            }
            rows.add(pixels);
            labels.add(cell(file, lineNumber, PIXELS, cells[PIXELS], CLASSES - 1));
        }
        byte[] all = new byte[rows.size() * PIXELS];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, all, i * PIXELS, PIXELS);
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return new LabeledImages(new ImageSet(all, rows.size(), SIDE, SIDE), labelArray);
    }

    private static int cell(Path file, int lineNumber, int column, String text, int max) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw DataFileException.corrupt(file, "line " + lineNumber + ", column "
                    + (column + 1) + ": not an integer: '" + text + "'");
        }
        if (value < 0 || value > max) {
            throw DataFileException.corrupt(file, "line " + lineNumber + ", column "
                    + (column + 1) + ": value " + value + " outside 0.." + max);
        }
        return value;
    }
}
