package org.plasticity.trainers.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Slurm's array index lists: {@code 0-3,5,7-9} to and from sets of indexes. */
public final class ArrayRanges {
    private ArrayRanges() {
    }

    /**
     * Writes indexes as ranges.
     *
     * @param indexes the indexes (any order, no negatives)
     * @return e.g. {@code 0-3,5,7-9}
     */
    public static String format(java.util.Collection<Integer> indexes) {
        SortedSet<Integer> sorted = new TreeSet<>(indexes);
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int i : sorted) {
            if (start == null) {
                start = i;
            } else if (i != prev + 1) {
                parts.add(range(start, prev));
                start = i;
            }
            prev = i;
        }
        if (start != null) {
            parts.add(range(start, prev));
        }
        return String.join(",", parts);
    }

    /**
     * Reads an index list such as {@code 0-3,5} or {@code [2-3%1]} (brackets and a throttle are ignored).
     *
     * @param text the list
     * @return the indexes
     * @throws NumberFormatException when it is not an index list
     */
    public static SortedSet<Integer> parse(String text) {
        String body = text.replace("[", "").replace("]", "");
        int throttle = body.indexOf('%');
        if (throttle >= 0) {
            body = body.substring(0, throttle);
        }
        SortedSet<Integer> out = new TreeSet<>();
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                out.add(Integer.parseInt(part.strip()));
            } else {
                int from = Integer.parseInt(part.substring(0, dash).strip());
                int to = Integer.parseInt(part.substring(dash + 1).strip());
                for (int i = from; i <= to; i++) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
