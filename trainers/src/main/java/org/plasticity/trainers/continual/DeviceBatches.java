package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;

import java.util.Arrays;
import java.util.List;

/**
 * Training batches gathered on the device. The training splits of some sources of a
 * {@link TrainingSet} (a task's samples, or every task so far) are uploaded once with their labels,
 * and each epoch's sample order once; a batch is then a slice of the order, two index gathers
 * ({@code features[rows]}, {@code labels[rows]}) and a one-hot, all on the device, with no upload per
 * step. The tensors equal the host path's exactly: the same float32 features, and one-hot rows of
 * exact 0 and 1. A batch with samples a plug-in adds (experience replay draws from other tasks), or an
 * epoch with samples outside the resident sources, is built on the host by the {@link BatchAssembler}.
 */
final class DeviceBatches implements BatchSource {
    private final TrainingSet set;
    private final BatchAssembler host;
    private final NDManager manager;
    private final NDArray features;
    private final NDArray labels;
    /** Per source of the set: its first resident row, or -1 when it is not resident. */
    private final long[] firstRow;
    private final int head;
    private final int outputs;
    private NDArray order;

    private DeviceBatches(TrainingSet set, List<Integer> sources, NDManager parent, BatchAssembler host) {
        this.set = set;
        this.host = host;
        this.manager = parent.newSubManager();
        this.firstRow = new long[set.sources().size()];
        Arrays.fill(firstRow, -1);
        TrainingSet.Source first = set.sources().get(sources.get(0));
        this.head = first.head();
        this.outputs = first.outputs();
        int dim = first.split().dim();
        long rows = 0;
        for (int s : sources) {
            firstRow[s] = rows;
            rows += set.sources().get(s).split().size();
        }
        this.features = DeviceUpload.features(manager, rows, dim);
        long[] allLabels = new long[Math.toIntExact(rows)];
        for (int s : sources) {
            Split split = set.sources().get(s).split();
            DeviceUpload.copyInto(features, firstRow[s], split);
            for (int i = 0; i < split.size(); i++) {
                allLabels[Math.toIntExact(firstRow[s]) + i] = split.label(i);
            }
        }
        this.labels = StepScope.keep(manager.create(allLabels));
    }

    /**
     * Device batches over {@code sources} when their features fit {@code budgetBytes} and they share
     * one classifier head (so every batch has one target); otherwise the host path.
     *
     * @param sources indices into {@code set.sources()} (the regime's training tasks)
     */
    static BatchSource of(TrainingSet set, List<Integer> sources, NDManager manager, long budgetBytes) {
        BatchAssembler host = new BatchAssembler(set, manager);
        if (sources.isEmpty()) {
            return host;
        }
        long rows = 0;
        TrainingSet.Source first = set.sources().get(sources.get(0));
        for (int s : sources) {
            TrainingSet.Source source = set.sources().get(s);
            if (source.head() != first.head() || source.outputs() != first.outputs()) {
                return host;
            }
            rows += source.split().size();
        }
        if (DeviceUpload.featureBytes(rows, first.split().dim()) > budgetBytes) {
            return host;
        }
        return new DeviceBatches(set, sources, manager, host);
    }

    @Override
    public void startEpoch(int[] sequence) {
        host.startEpoch(sequence);
        if (order != null) {
            order.close();
            order = null;
        }
        long[] rows = new long[sequence.length];
        for (int i = 0; i < sequence.length; i++) {
            int s = set.sourceOf(sequence[i]);
            if (firstRow[s] < 0) {
                return;
            }
            rows[i] = firstRow[s] + set.rowOf(sequence[i], s);
        }
        order = StepScope.keep(manager.create(rows));
    }

    @Override
    public Batch batch(int from, int count, int[] extras) {
        if (order == null || extras.length > 0) {
            return host.batch(from, count, extras);
        }
        NDArray rows = order.get(new NDIndex("{}:{}", from, from + count));
        NDArray oneHot = labels.get(rows).oneHot(outputs);
        return new Batch(features.get(rows), List.of(new Batch.HeadTarget(head, oneHot)), count);
    }

    /** Whether the batches of the current epoch come from the device (for tests). */
    boolean resident() {
        return order != null;
    }

    @Override
    public void close() {
        manager.close();
    }
}
