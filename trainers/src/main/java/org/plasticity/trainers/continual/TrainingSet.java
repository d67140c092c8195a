package org.plasticity.trainers.continual;

import org.plasticity.datasets.scenario.Split;

import java.util.List;

/**
 * Training samples from one or more splits, each with the classifier head its samples are scored
 * by, addressed by one global index. The continual trainer builds one over every task's training
 * split (the run's sample universe), so that a batch may mix samples of any tasks (replay).
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

    /** The global indices of every sample of source {@code source}, in order. */
    public int[] indicesOf(int source) {
        int[] out = new int[offsets[source + 1] - offsets[source]];
        for (int i = 0; i < out.length; i++) {
            out[i] = offsets[source] + i;
        }
        return out;
    }

    /** The global index of row {@code row} of source {@code source}. */
    public int globalIndex(int source, int row) {
        return offsets[source] + row;
    }

    /** The label of global sample {@code index}. */
    public int label(int index) {
        int s = sourceOf(index);
        return sources.get(s).split().label(rowOf(index, s));
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
}
