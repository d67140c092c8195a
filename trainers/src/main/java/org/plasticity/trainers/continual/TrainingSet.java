package org.plasticity.trainers.continual;

import org.plasticity.datasets.scenario.Split;

import java.util.ArrayList;
import java.util.List;

/**
 * The training samples of one phase: one or more splits, each with the classifier head its
 * samples are scored by, addressed by one global index.
 */
public final class TrainingSet {
    /** One split and its head. */
    public record Source(Split split, int head, int outputs) {
    }

    private final List<Source> sources;
    private final int[] offsets;

    public TrainingSet(List<Source> sources) {
        this.sources = List.copyOf(sources);
        this.offsets = new int[sources.size() + 1];
        for (int i = 0; i < sources.size(); i++) {
            offsets[i + 1] = offsets[i] + sources.get(i).split().size();
        }
    }

    /** Total samples. */
    public int size() {
        return offsets[sources.size()];
    }

    public List<Source> sources() {
        return sources;
    }

    /** Index of the source that holds global sample {@code index}. */
    public int sourceOf(int index) {
        int lo = 0;
        int hi = sources.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The row within its source of global sample {@code index}. */
    public int rowOf(int index, int source) {
        return index - offsets[source];
    }

    /** Heads used by this set, in source order without repeats. */
    public List<Integer> heads() {
        List<Integer> heads = new ArrayList<>();
        for (Source s : sources) {
            if (!heads.contains(s.head())) {
                heads.add(s.head());
            }
        }
        return heads;
    }
}
