package org.plasticity.datasets.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import net.razorvine.pickle.PickleException;
import org.plasticity.datasets.DataFileException;

/**
 * A pickle file whose top-level object is a dict, as the CIFAR Python batches, the GPM
 * miniImageNet files and the notMNIST files are. Keys may be {@code str} or {@code bytes} (Python 2
 * pickles, and pickles re-written by Python 3 after loading with {@code encoding='bytes'}); both
 * are looked up by their text. gzip-compressed pickles are detected by their magic bytes.
 *
 * @param file the file, for messages
 * @param entries the dict, keys as text
 */
record PickledDict(Path file, Map<String, Object> entries) {

    private static final int BUFFER = 1 << 16;

    /**
     * @param file a pickle file (raw or gzip)
     * @return its dict
     * @throws DataFileException if the file is missing, truncated, not a pickle, or not a dict
     */
    static PickledDict read(Path file) {
        Object root;
        try (InputStream in = open(file)) {
            root = new NumpyUnpickler().load(in);
        } catch (NoSuchFileException e) {
            throw DataFileException.missing(file);
        } catch (IOException e) {
            throw DataFileException.unreadable(file, "truncated or damaged pickle (" + e.getMessage()
                    + ")", e);
        } catch (PickleException | ClassCastException | IllegalArgumentException
                | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw DataFileException.unreadable(file, "not a readable pickle (" + e.getMessage()
                    + ")", e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw DataFileException.corrupt(file, "expected a pickled dict, found "
                    + NumpyUnpickler.describe(root));
        }
        Map<String, Object> entries = new HashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object k = e.getKey();
            String key = k instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                    : String.valueOf(k);
            entries.put(key, e.getValue());
        }
        return new PickledDict(file, entries);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1F && b1 == 0x8B ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER)
                : in;
    }

    /**
     * @param key the entry's name
     * @return true if the dict has it
     */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * @param key the entry's name
     * @return the entry as a numpy array
     * @throws DataFileException if it is absent or not a supported numpy array
     */
    NdArray array(String key) {
        Object value = entry(key);
        if (!(value instanceof PickledArray a)) {
            throw DataFileException.corrupt(file, "entry '" + key + "' is "
                    + NumpyUnpickler.describe(value) + ", expected a numpy array");
        }
        try {
            return a.toNdArray();
        } catch (IllegalArgumentException | PickleException | ClassCastException e) {
            throw DataFileException.corrupt(file, "entry '" + key + "': " + e.getMessage());
        }
    }

    /**
     * @param key the entry's name
     * @param count how many labels there must be
     * @param classes every label must be below it
     * @return the labels, from a list, a tuple or an integer numpy array
     * @throws DataFileException if the entry is absent, of another length, or a label is out of range
     */
    int[] labels(String key, long count, int classes) {
        Object value = entry(key);
        long[] values;
        if (value instanceof PickledArray) {
            try {
                values = array(key).longs();
            } catch (IllegalArgumentException e) {
                throw DataFileException.corrupt(file, "entry '" + key + "': " + e.getMessage());
            }
        } else if (value instanceof List<?> || value instanceof Object[]) {
            List<?> list = value instanceof List<?> l ? l : List.of((Object[]) value);
            values = new long[list.size()];
            for (int i = 0; i < values.length; i++) {
                try {
                    values[i] = NumpyUnpickler.integer(list.get(i));
                } catch (PickleException | ArithmeticException e) {
                    throw DataFileException.corrupt(file, "entry '" + key + "', item " + i + ": "
                            + e.getMessage());
                }
            }
        } else {
            throw DataFileException.corrupt(file, "entry '" + key + "' is "
                    + NumpyUnpickler.describe(value) + ", expected a list of labels");
        }
        if (values.length != count) {
            throw DataFileException.corrupt(file, "entry '" + key + "' has " + values.length
                    + " labels for " + count + " images");
        }
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw DataFileException.corrupt(file, "entry '" + key + "': label " + values[i]
                        + " of sample " + i + " is outside 0.." + (classes - 1));
            }
            labels[i] = (int) values[i];
        }
        return labels;
    }

    private Object entry(String key) {
        if (!entries.containsKey(key)) {
            throw DataFileException.corrupt(file, "has no entry '" + key + "' (entries: "
                    + String.join(", ", new TreeSet<>(entries.keySet())) + ")");
        }
        return entries.get(key);
    }
}
