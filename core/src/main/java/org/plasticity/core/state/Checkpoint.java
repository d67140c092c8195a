package org.plasticity.core.state;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The full state of a run at a step boundary, as named entries: tensors (kept as their encoded
 * bytes, so a checkpoint owns no native memory), long and double vectors (doubles bit-exact) and
 * strings. Components write their state under their own key prefix and read it back the same way.
 */
public final class Checkpoint {
    /** The kinds of entry. */
    enum Kind { TENSOR, LONGS, DOUBLES, STRING }

    record Entry(Kind kind, Object value) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Stores a tensor's current value (copied). */
    public void putTensor(String key, NDArray value) {
        entries.put(key, new Entry(Kind.TENSOR, value.encode()));
    }

    public void putLongs(String key, long... values) {
        entries.put(key, new Entry(Kind.LONGS, values.clone()));
    }

    public void putDoubles(String key, double... values) {
        entries.put(key, new Entry(Kind.DOUBLES, values.clone()));
    }

    public void putString(String key, String value) {
        entries.put(key, new Entry(Kind.STRING, value));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * A new tensor in {@code manager} with the stored value. It owns its storage: a decoded tensor
     * may point into a Java buffer that the garbage collector later frees, so it is copied.
     */
    public NDArray tensor(String key, NDManager manager) {
        try (NDArray decoded = NDArray.decode(manager, (byte[]) get(key, Kind.TENSOR))) {
            return decoded.duplicate();
        }
    }

    public long[] longs(String key) {
        return ((long[]) get(key, Kind.LONGS)).clone();
    }

    public long longValue(String key) {
        return longs(key)[0];
    }

    public double[] doubles(String key) {
        return ((double[]) get(key, Kind.DOUBLES)).clone();
    }

    public String string(String key) {
        return (String) get(key, Kind.STRING);
    }

    private Object get(String key, Kind kind) {
        Entry e = entries.get(key);
        if (e == null) {
            throw new NoSuchElementException("checkpoint has no entry '" + key + "'");
        }
        if (e.kind() != kind) {
            throw new IllegalStateException("checkpoint entry '" + key + "' is a " + e.kind() + ", not a " + kind);
        }
        return e.value();
    }

    Map<String, Entry> entries() {
        return entries;
    }
}
