package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds device batches from a {@link TrainingSet} on the host: gathers the sampled rows into a
 * reused Java buffer and creates the tensors in the current step's scope (one upload per batch).
 */
public final class BatchAssembler implements BatchSource {
    private final TrainingSet set;
    private final NDManager manager;
    private final int dim;
    private float[] buffer = new float[0];
    private final int[] row = new int[1];
    private int[] sequence = new int[0];

    public BatchAssembler(TrainingSet set, NDManager manager) {
        this.set = set;
        this.manager = manager;
        this.dim = set.sources().get(0).split().dim();
    }

    /** The heads the batch's samples use, in source order. */
    private List<Integer> headsOf(int[] source, int count) {
        boolean[] present = new boolean[set.sources().size()];
        for (int i = 0; i < count; i++) {
            present[source[i]] = true;
        }
        List<Integer> heads = new ArrayList<>();
        for (int s = 0; s < present.length; s++) {
            int head = set.sources().get(s).head();
            if (present[s] && !heads.contains(head)) {
                heads.add(head);
            }
        }
        return heads;
    }

    @Override
    public void startEpoch(int[] sequence) {
        this.sequence = sequence;
    }

    @Override
    public Batch batch(int from, int count, int[] extras) {
        if (extras.length == 0) {
            return assemble(sequence, from, count);
        }
        int[] members = new int[count + extras.length];
        System.arraycopy(sequence, from, members, 0, count);
        System.arraycopy(extras, 0, members, count, extras.length);
        return assemble(members, 0, members.length);
    }

    /** Nothing is kept on the device. */
    @Override
    public void close() {
    }

    /** The batch of global samples {@code order[from .. from+count)}. */
    public Batch assemble(int[] order, int from, int count) {
        if (buffer.length < count * dim) {
            buffer = new float[count * dim];
        }
        int[] source = new int[count];
        int[] label = new int[count];
        float[] sample = new float[dim];
        for (int i = 0; i < count; i++) {
            int global = order[from + i];
            int s = set.sourceOf(global);
            TrainingSet.Source src = set.sources().get(s);
            row[0] = set.rowOf(global, s);
            src.split().gather(row, 0, 1, sample);
            System.arraycopy(sample, 0, buffer, i * dim, dim);
            source[i] = s;
            label[i] = src.split().label(row[0]);
        }
        NDArray x = manager.create(java.nio.FloatBuffer.wrap(buffer, 0, count * dim), new Shape(count, dim));
        List<Batch.HeadTarget> targets = new ArrayList<>();
        for (int head : headsOf(source, count)) {
            int outputs = 0;
            for (TrainingSet.Source src : set.sources()) {
                if (src.head() == head) {
                    outputs = src.outputs();
                }
            }
            float[] hot = new float[count * outputs];
            for (int i = 0; i < count; i++) {
                if (set.sources().get(source[i]).head() == head) {
                    hot[i * outputs + label[i]] = 1f;
                }
            }
            targets.add(new Batch.HeadTarget(head, manager.create(hot, new Shape(count, outputs))));
        }
        return new Batch(x, targets, count);
    }
}
