package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.core.tensor.TorchRuntime;
import org.plasticity.datasets.scenario.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The diagonal Fisher information of a network's trainable parameters on a task: the mean over
 * samples of the squared per-sample gradient of {@code −log p(y | x)}, each sample its own
 * forward and backward pass. The label y is the true one (the empirical Fisher) or one drawn from
 * the network's own predictive distribution (the true Fisher, as in Kirkpatrick et al. 2017).
 * Gradients come from a {@link TrainingStep} with no plug-ins, so every training method (BPTT,
 * DSR, OTTT) and error route gives its own gradient.
 */
final class FisherEstimator {
    private FisherEstimator() {
    }

    /**
     * @param trueFisher draw labels from the model instead of using the true ones
     * @return per parameter of {@code network.parameters()}, its Fisher diagonal in
     *     {@code manager}, or null for a parameter that is frozen
     */
    static List<NDArray> estimate(Network network, NDManager manager, TaskContext context, int samples,
                                  boolean trueFisher, long seed) {
        List<Param> params = network.parameters();
        List<NDArray> sums = new ArrayList<>();
        for (Param p : params) {
            sums.add(p.trainable() ? manager.zeros(p.value().getShape()) : null);
        }
        Split train = context.task().train();
        int n = Math.min(samples, train.size());
        int[] order = ContinualTrainer.order(train.size(), true, Seeds.derive(seed, "fisher-samples", context.index()));
        TrainingStep step = new TrainingStep(network, List.of(), false, false);
        BatchAssembler assembler = new BatchAssembler(context.samples(), manager);
        Random labels = new Random(Seeds.derive(seed, "fisher-labels", context.index()));
        StepContext stepContext = new StepContext(context, 0, 0);
        try (NetworkModes.Scope m = NetworkModes.eval(network)) {
            accumulate(network, manager, context, order, n, trueFisher, seed, step, assembler, labels, stepContext,
                    params, sums);
        }
        for (NDArray s : sums) {
            if (s != null) {
                s.divi(n);
            }
        }
        for (Param p : params) {
            p.zeroGradient();
        }
        return sums;
    }

    /** Sums the squared per-sample gradients (in evaluation mode: BatchNorm uses its running statistics). */
    private static void accumulate(Network network, NDManager manager, TaskContext context, int[] order, int n,
                                   boolean trueFisher, long seed, TrainingStep step, BatchAssembler assembler,
                                   Random labels, StepContext stepContext, List<Param> params, List<NDArray> sums) {
        for (int i = 0; i < n; i++) {
            int global = context.samples().globalIndex(context.index(), order[i]);
            TorchRuntime.reseed(Seeds.derive(seed, "fisher-engine", context.index(), i));
            try (StepScope scope = StepScope.open()) {
                Batch batch = assembler.assemble(new int[] {global}, 0, 1);
                if (trueFisher) {
                    batch = withSampledLabel(network, manager, batch, context.head(), labels);
                }
                step.gradients(batch, stepContext, 1);
                for (int k = 0; k < params.size(); k++) {
                    NDArray g = params.get(k).gradient();
                    if (sums.get(k) != null && g != null) {
                        sums.get(k).addi(g.square());
                    }
                }
            }
        }
    }

    /** The batch with its one-hot target replaced by a label drawn from the network's prediction. */
    private static Batch withSampledLabel(Network network, NDManager manager, Batch batch, int head,
                                          Random random) {
        float[] p;
        try (Gradients.AutoCloseableMode g = Gradients.notRecording()) {
            p = network.forward(batch.x(), head).softmax(1).toFloatArray();
        }
        double u = random.nextDouble();
        int label = p.length - 1;
        double cumulative = 0;
        for (int c = 0; c < p.length; c++) {
            cumulative += p[c];
            if (u < cumulative) {
                label = c;
                break;
            }
        }
        float[] hot = new float[p.length];
        hot[label] = 1f;
        return new Batch(batch.x(), List.of(new Batch.HeadTarget(head, manager.create(hot, new Shape(1, p.length)))),
                1);
    }
}
