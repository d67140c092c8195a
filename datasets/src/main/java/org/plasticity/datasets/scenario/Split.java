package org.plasticity.datasets.scenario;

import java.util.Arrays;
import java.util.Objects;

/**
 * One split (train or test) of a task: samples with labels, whose features are served on demand
 * from a shared base array so that derived splits (feature-permuted, subset, truncated) never copy
 * the data.
 *
 * <p>Sample {@code i} has the features of base row {@code r = rows[i]} (or {@code i} without a row
 * map), and feature {@code k} of it is {@code base[r * dim + perm[k]]} (or {@code k} without a
 * permutation). Instances are immutable; the arrays they share are never written.
 */
public final class Split {

    private final float[] base;
    private final int dim;
    private final int size;
    private final int[] rows;
    private final int[] perm;
    private final int[] labels;

    private Split(float[] base, int dim, int size, int[] rows, int[] perm, int[] labels) {
        this.base = base;
        this.dim = dim;
        this.size = size;
        this.rows = rows;
        this.perm = perm;
        this.labels = labels;
    }

    /**
     * A split over the first {@code labels.length} rows of {@code base}. Neither array is copied;
     * the caller must not modify them afterwards.
     *
     * @param base features, row-major, {@code dim} per sample (may hold more rows than labels)
     * @param dim features per sample
     * @param labels one label per sample
     * @return the split
     */
    public static Split of(float[] base, int dim, int[] labels) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(labels, "labels");
        if (dim <= 0) {
            throw new IllegalArgumentException("dim must be positive, got " + dim);
        }
        if ((long) labels.length * dim > base.length) {
            throw new IllegalArgumentException(labels.length + " labels need "
                    + (long) labels.length * dim + " features, base has " + base.length);
        }
        return new Split(base, dim, labels.length, null, null, labels);
    }

    /** @return number of samples */
    public int size() {
        return size;
    }

    /** @return features per sample */
    public int dim() {
        return dim;
    }

    /**
     * @param i sample index
     * @return its label
     */
    public int label(int i) {
        Objects.checkIndex(i, size);
        return labels[i];
    }

    /** @return a copy of all labels, in sample order */
    public int[] labels() {
        return Arrays.copyOf(labels, size);
    }

    /**
     * @param i sample index
     * @param k feature index
     * @return that feature
     */
    public float feature(int i, int k) {
        Objects.checkIndex(k, dim);
        int offset = baseRow(i) * dim;
        return base[offset + (perm == null ? k : perm[k])];
    }

    /**
     * Writes the features of samples {@code rows[from .. from+count-1]} into {@code out}, row-major:
     * sample {@code rows[from + j]} goes to {@code out[j*dim .. j*dim+dim-1]}.
     *
     * @param rows sample indices (e.g. a shuffled order)
     * @param from first position in {@code rows} to use
     * @param count number of samples to write
     * @param out destination, at least {@code count * dim} long
     */
    public void gather(int[] rows, int from, int count, float[] out) {
        Objects.checkFromIndexSize(from, count, rows.length);
        if (out.length < (long) count * dim) {
            throw new IllegalArgumentException("out has " + out.length + " floats, need "
                    + (long) count * dim);
        }
        for (int j = 0; j < count; j++) {
            int src = baseRow(rows[from + j]) * dim;
            int dst = j * dim;
            if (perm == null) {
                System.arraycopy(base, src, out, dst, dim);
            } else {
                for (int k = 0; k < dim; k++) {
                    out[dst + k] = base[src + perm[k]];
                }
            }
        }
    }

    /**
     * The same samples with features reordered: feature {@code k} of the result is feature
     * {@code permutation[k]} of this split. The permutation is copied.
     *
     * @param permutation a permutation of {@code 0..dim-1}
     * @return the permuted view
     */
    public Split permuted(int[] permutation) {
        checkPermutation(permutation);
        int[] composed = new int[dim];
        for (int k = 0; k < dim; k++) {
            composed[k] = perm == null ? permutation[k] : perm[permutation[k]];
        }
        return new Split(base, dim, size, rows, composed, labels);
    }

    /**
     * A subset of the samples, in the given order (indices may repeat).
     *
     * @param samples sample indices of this split
     * @return the subset view
     */
    public Split select(int[] samples) {
        int[] newRows = new int[samples.length];
        int[] newLabels = new int[samples.length];
        for (int j = 0; j < samples.length; j++) {
            Objects.checkIndex(samples[j], size);
            newRows[j] = rows == null ? samples[j] : rows[samples[j]];
            newLabels[j] = labels[samples[j]];
        }
        return new Split(base, dim, samples.length, newRows, perm, newLabels);
    }

    /**
     * @param n maximum number of samples
     * @return the first {@code min(n, size())} samples (this split itself if nothing is cut)
     */
    public Split limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + n);
        }
        return n >= size ? this : new Split(base, dim, n, rows, perm, labels);
    }

    private int baseRow(int i) {
        Objects.checkIndex(i, size);
        return rows == null ? i : rows[i];
    }

    private void checkPermutation(int[] permutation) {
        if (permutation.length != dim) {
            throw new IllegalArgumentException("permutation has " + permutation.length
                    + " entries, expected " + dim);
        }
        boolean[] seen = new boolean[dim];
        for (int p : permutation) {
            if (p < 0 || p >= dim || seen[p]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (dim - 1));
            }
            seen[p] = true;
        }
    }
}
