package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.run.Progress;

/**
 * Top-1 accuracy of a network on a test split, in evaluation mode (BatchNorm with running
 * statistics, no dropout), with no graph recorded and large batches; both modes are restored after.
 */
public final class Evaluator {
    private final Network network;
    private final NDManager manager;
    private final int batchSize;

    public Evaluator(Network network, NDManager manager, int batchSize) {
        this.network = network;
        this.manager = manager;
        this.batchSize = batchSize;
    }

    /**
     * Accuracy (a fraction) of head {@code head} on {@code split}.
     *
     * @param progress advanced by the number of samples evaluated
     */
    public double accuracy(Split split, int head, Progress progress) {
        try (Gradients.AutoCloseableMode g = Gradients.notRecording(); NetworkModes.Scope m = NetworkModes.eval(network)) {
            return count(split, head, progress);
        }
    }

    private double count(Split split, int head, Progress progress) {
        int n = split.size();
        int dim = split.dim();
        float[] buffer = new float[Math.min(batchSize, n) * dim];
        int[] rows = new int[Math.min(batchSize, n)];
        long correct = 0;
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            for (int i = 0; i < count; i++) {
                rows[i] = from + i;
            }
            split.gather(rows, 0, count, buffer);
            try (StepScope scope = StepScope.open()) {
                NDArray x = manager.create(java.nio.FloatBuffer.wrap(buffer, 0, count * dim), new Shape(count, dim));
                int[] predicted = network.forward(x, head).argMax(1).toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < count; i++) {
                    if (predicted[i] == split.label(from + i)) {
                        correct++;
                    }
                }
            }
            progress.advance(count, null);
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }
}
