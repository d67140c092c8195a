package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.layer.LayerInput;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.Experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The presynaptic activity of the first {@code layers} weight layers on a set of samples, copied
 * to the host: GPM's representation matrices (one row per sample, or per sample and patch for a
 * convolution). A forward pass in evaluation mode with no graph, in batches.
 */
final class LayerActivations {
    /** One layer's activations: {@code rows × dim} values, row-major. */
    record Matrix(float[] values, int rows, int dim) {
    }

    private LayerActivations() {
    }

    /**
     * The activations of up to {@code count} of the task's training samples, drawn without replacement in an order
     * seeded by the run's seed, {@code stream} and the task index (so each method's draw is its own).
     */
    static List<Matrix> ofTaskSamples(TaskContext context, int count, String stream, PresynapticRows selector,
                                      List<WeightLayer> protectedLayers) {
        Experiment experiment = context.experiment();
        Split train = context.task().train();
        int[] order = ContinualTrainer.order(train.size(), true,
                Seeds.derive(experiment.config().seed(), stream, context.index()));
        int[] samples = Arrays.copyOf(order, Math.min(count, train.size()));
        return collect(experiment.network(), experiment.manager(), train, samples,
                experiment.config().training().evalBatchSize(), selector, protectedLayers);
    }

    static List<Matrix> collect(Network network, NDManager manager, Split split, int[] samples, int batchSize,
                                PresynapticRows selector, List<WeightLayer> protectedLayers) {
        try (Gradients.AutoCloseableMode g = Gradients.notRecording(); NetworkModes.Scope m = NetworkModes.eval(network)) {
            return collectRows(network, manager, split, samples, batchSize, selector, protectedLayers);
        }
    }

    private static List<Matrix> collectRows(Network network, NDManager manager, Split split, int[] samples,
                                            int batchSize, PresynapticRows selector,
                                            List<WeightLayer> protectedLayers) {
        int layers = protectedLayers.size();
        List<List<float[]>> parts = new ArrayList<>();
        int[] dims = new int[layers];
        for (int l = 0; l < layers; l++) {
            parts.add(new ArrayList<>());
        }
        int dim = split.dim();
        float[] buffer = new float[Math.min(batchSize, samples.length) * dim];
        for (int from = 0; from < samples.length; from += batchSize) {
            int count = Math.min(batchSize, samples.length - from);
            split.gather(samples, from, count, buffer);
            try (StepScope scope = StepScope.open()) {
                NDArray x = manager.create(java.nio.FloatBuffer.wrap(buffer, 0, count * dim), new Shape(count, dim));
                network.features(x, (LayerInput input) -> {
                    int l = input.layer();
                    if (l < layers) {
                        NDArray rows = protectedLayers.get(l).presynapticRows(selector.of(input));
                        dims[l] = (int) rows.getShape().get(1);
                        parts.get(l).add(rows.toFloatArray());
                    }
                });
            }
        }
        List<Matrix> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int total = parts.get(l).stream().mapToInt(a -> a.length).sum();
            float[] values = new float[total];
            int at = 0;
            for (float[] part : parts.get(l)) {
                System.arraycopy(part, 0, values, at, part.length);
                at += part.length;
            }
            out.add(new Matrix(values, dims[l] == 0 ? 0 : total / dims[l], dims[l]));
        }
        return out;
    }
}
