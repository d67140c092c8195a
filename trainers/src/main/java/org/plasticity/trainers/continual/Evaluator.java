package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.config.TrainingConfig;
import org.plasticity.trainers.run.Progress;

/**
 * Top-1 accuracy of a network on a test split, in evaluation mode (BatchNorm with running
 * statistics, no dropout), with no graph recorded and large batches; both modes are restored after.
 * The split's labels, and its features when they fit the device budget, are uploaded once per
 * evaluation and sliced into batches on the device (otherwise each batch is built on the host and
 * uploaded); the correct predictions are counted on the device, {@code Σ [argmax = label]}, and read
 * once per split.
 */
public final class Evaluator {
    private final Network network;
    private final NDManager manager;
    private final int batchSize;
    private final long budgetBytes;

    /** An evaluator with the default device budget ({@code training.deviceDataMiB}). */
    public Evaluator(Network network, NDManager manager, int batchSize) {
        this(network, manager, batchSize, (long) TrainingConfig.DEFAULTS.deviceDataMiB() << 20);
    }

    /**
     * @param batchSize samples per forward pass
     * @param budgetBytes the most feature bytes a test split may take to be kept on the device
     */
    public Evaluator(Network network, NDManager manager, int batchSize, long budgetBytes) {
        this.network = network;
        this.manager = manager;
        this.batchSize = batchSize;
        this.budgetBytes = budgetBytes;
    }

    /**
     * Accuracy (a fraction) of head {@code head} on {@code split}.
     *
     * @param progress advanced by the number of samples evaluated
     */
    public double accuracy(Split split, int head, Progress progress) {
        try (Gradients.AutoCloseableMode g = Gradients.notRecording(); NetworkModes.Scope m = NetworkModes.eval(network);
             NDManager resident = manager.newSubManager()) {
            return count(split, head, progress, resident);
        }
    }

    private double count(Split split, int head, Progress progress, NDManager resident) {
        int n = split.size();
        if (n == 0) {
            return Double.NaN;
        }
        int dim = split.dim();
        NDArray labels = DeviceUpload.labels(resident, split);
        NDArray features = null;
        if (DeviceUpload.featureBytes(n, dim) <= budgetBytes) {
            features = DeviceUpload.features(resident, n, dim);
            DeviceUpload.copyInto(features, 0, split);
        }
        HostBatches host = features == null ? new HostBatches(split, Math.min(batchSize, n)) : null;
        NDArray correct = StepScope.keep(resident.zeros(new Shape(), DataType.INT64));
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            try (StepScope scope = StepScope.open()) {
                NDIndex rows = new NDIndex("{}:{}", from, from + count);
                NDArray x = features != null ? features.get(rows) : host.batch(resident, from, count);
                correct.addi(network.forward(x, head).argMax(1).eq(labels.get(rows)).sum());
            }
            progress.advance(count, null);
        }
        return (double) correct.getLong() / n;
    }

    /** Test batches built on the host when the split does not fit the device budget. */
    private static final class HostBatches {
        private final Split split;
        private final float[] buffer;
        private final int[] rows;

        HostBatches(Split split, int size) {
            this.split = split;
            this.buffer = new float[size * split.dim()];
            this.rows = new int[size];
        }

        NDArray batch(NDManager manager, int from, int count) {
            for (int i = 0; i < count; i++) {
                rows[i] = from + i;
            }
            split.gather(rows, 0, count, buffer);
            return manager.create(java.nio.FloatBuffer.wrap(buffer, 0, count * split.dim()),
                    new Shape(count, split.dim()));
        }
    }
}
