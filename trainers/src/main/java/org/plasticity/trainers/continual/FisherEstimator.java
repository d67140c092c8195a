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
import java.util.function.Predicate;

/**
 * The diagonal Fisher information of a network's trainable parameters on a task: the mean over
 * samples of the squared per-sample gradient of {@code −log p(y | x)},
 * {@code F = (1/n) Σ_i (∂L_i/∂θ)²}. The label y is the true one (the empirical Fisher) or one drawn from
 * the network's own predictive distribution (the true Fisher, as in Kirkpatrick et al. 2017).
 * Gradients come from a {@link TrainingStep} with no plug-ins, so every training method (BPTT,
 * DSR, OTTT) and error route gives its own gradient.
 *
 * <p>Where every estimated parameter is a weight layer's weight or bias ({@link BatchedFisher}: with
 * {@code training.freezeAfterFirstTask}, where EWC leaves out of task 0 what task 1 freezes, or for networks without
 * thresholds or BatchNorm), the squared
 * per-sample gradients of a whole batch come from one backward pass, exactly; otherwise each sample has its own
 * forward and backward pass. The two agree to float rounding (up to the engine's random draws, which a stochastic
 * encoder makes per batch in one and per sample in the other).
 */
final class FisherEstimator {
    /** How the per-sample gradients were formed. */
    enum Passes {
        /** One backward pass per batch, per-sample gradients from the layers' probes. */
        BATCHED,
        /** One forward and backward pass per sample. */
        PER_SAMPLE
    }

    /**
     * @param fisher per parameter of {@code network.parameters()}, its Fisher diagonal, or null for a frozen one
     * @param passes how the per-sample gradients were formed
     * @param backwardPasses the number of backward passes it took
     */
    record Estimate(List<NDArray> fisher, Passes passes, int backwardPasses) {
    }

    private FisherEstimator() {
    }

    /**
     * @param trueFisher draw labels from the model instead of using the true ones
     * @return the Fisher diagonals in {@code manager}, batched where {@link BatchedFisher} covers the network
     */
    static Estimate estimate(Network network, NDManager manager, TaskContext context, int samples,
                             boolean trueFisher, long seed) {
        return estimate(network, manager, context, samples, trueFisher, seed, Param::trainable, true);
    }

    /**
     * As above, for the trainable parameters {@code estimated} picks (the others get null);
     * {@code allowBatched = false} forces one pass per sample (for tests).
     */
    static Estimate estimate(Network network, NDManager manager, TaskContext context, int samples,
                             boolean trueFisher, long seed, Predicate<Param> estimated, boolean allowBatched) {
        List<Param> params = network.parameters();
        Predicate<Param> picked = p -> p.trainable() && estimated.test(p);
        List<NDArray> sums = zeros(params, picked, manager);
        Split train = context.task().train();
        int n = Math.min(samples, train.size());
        int[] order = ContinualTrainer.order(train.size(), true, Seeds.derive(seed, "fisher-samples", context.index()));
        TrainingStep step = new TrainingStep(network, List.of(), false, false);
        BatchAssembler assembler = new BatchAssembler(context.samples(), manager);
        Sampler sampler = new Sampler(network, manager, context, order, trueFisher, seed, assembler);
        BatchedFisher batched = allowBatched ? BatchedFisher.of(network, picked) : null;
        Estimate result;
        try (NetworkModes.Scope m = NetworkModes.eval(network)) {
            int passes = batched == null ? -1
                    : accumulateBatched(batched, context, n, step, sampler, sums);
            if (passes < 0) {
                sums.forEach(s -> {
                    if (s != null) {
                        s.close();
                    }
                });
                sums = zeros(params, picked, manager);
                accumulatePerSample(context, n, step, sampler, params, sums);
                result = new Estimate(sums, Passes.PER_SAMPLE, n);
            } else {
                result = new Estimate(sums, Passes.BATCHED, passes);
            }
        }
        for (NDArray s : sums) {
            if (s != null) {
                s.divi(n);
            }
        }
        for (Param p : params) {
            p.zeroGradient();
        }
        return result;
    }

    /** A zero sum per picked parameter, null for the others. */
    private static List<NDArray> zeros(List<Param> params, Predicate<Param> picked, NDManager manager) {
        List<NDArray> sums = new ArrayList<>();
        for (Param p : params) {
            sums.add(picked.test(p) ? manager.zeros(p.value().getShape()) : null);
        }
        return sums;
    }

    /**
     * Batches of the training batch size through {@link BatchedFisher}.
     *
     * @return the number of backward passes, or −1 when a pass fell outside the identity
     */
    private static int accumulateBatched(BatchedFisher batched, TaskContext context, int n, TrainingStep step,
                                         Sampler sampler, List<NDArray> sums) {
        int size = Math.max(1, context.experiment().config().training().batchSize());
        StepContext stepContext = new StepContext(context, 0, 0);
        int passes = 0;
        for (int from = 0; from < n; from += size) {
            int count = Math.min(size, n - from);
            TorchRuntime.reseed(Seeds.derive(sampler.seed, "fisher-engine-batch", context.index(), passes));
            try (StepScope scope = StepScope.open()) {
                if (!batched.accumulate(step, sampler.batch(from, count), stepContext, sums)) {
                    return -1;
                }
            }
            passes++;
        }
        return passes;
    }

    /** Sums the squared per-sample gradients, one pass per sample. */
    private static void accumulatePerSample(TaskContext context, int n, TrainingStep step, Sampler sampler,
                                            List<Param> params, List<NDArray> sums) {
        StepContext stepContext = new StepContext(context, 0, 0);
        sampler.restart();
        for (int i = 0; i < n; i++) {
            TorchRuntime.reseed(Seeds.derive(sampler.seed, "fisher-engine", context.index(), i));
            try (StepScope scope = StepScope.open()) {
                step.gradients(sampler.batch(i, 1), stepContext, 1);
                for (int k = 0; k < params.size(); k++) {
                    NDArray g = params.get(k).gradient();
                    if (sums.get(k) != null && g != null) {
                        sums.get(k).addi(g.square());
                    }
                }
            }
        }
    }

    /**
     * The estimate's samples in their seeded order, with the true or a sampled label; labels are drawn in sample
     * order from one seeded stream, so both estimators draw the same labels (up to a batched forward's rounding).
     */
    private static final class Sampler {
        private final Network network;
        private final NDManager manager;
        private final TaskContext context;
        private final int[] order;
        private final boolean trueFisher;
        private final long seed;
        private final BatchAssembler assembler;
        private Random labels;

        Sampler(Network network, NDManager manager, TaskContext context, int[] order, boolean trueFisher, long seed,
                BatchAssembler assembler) {
            this.network = network;
            this.manager = manager;
            this.context = context;
            this.order = order;
            this.trueFisher = trueFisher;
            this.seed = seed;
            this.assembler = assembler;
            restart();
        }

        /** Starts the label stream again. */
        void restart() {
            labels = new Random(Seeds.derive(seed, "fisher-labels", context.index()));
        }

        /** Samples {@code from .. from+count)} of the order as one batch. */
        Batch batch(int from, int count) {
            int[] globals = new int[count];
            for (int i = 0; i < count; i++) {
                globals[i] = context.samples().globalIndex(context.index(), order[from + i]);
            }
            Batch batch = assembler.assemble(globals, 0, count);
            return trueFisher ? withSampledLabels(batch) : batch;
        }

        /** The batch with its one-hot targets replaced by labels drawn from the network's prediction. */
        private Batch withSampledLabels(Batch batch) {
            int head = context.head();
            float[] p;
            long classes;
            try (Gradients.AutoCloseableMode g = Gradients.notRecording()) {
                NDArray probabilities = network.forward(batch.x(), head).softmax(1);
                classes = probabilities.getShape().get(1);
                p = probabilities.toFloatArray();
            }
            int rows = batch.size();
            int c = Math.toIntExact(classes);
            float[] hot = new float[rows * c];
            for (int r = 0; r < rows; r++) {
                double u = labels.nextDouble();
                int label = c - 1;
                double cumulative = 0;
                for (int k = 0; k < c; k++) {
                    cumulative += p[r * c + k];
                    if (u < cumulative) {
                        label = k;
                        break;
                    }
                }
                hot[r * c + label] = 1f;
            }
            return new Batch(batch.x(), List.of(new Batch.HeadTarget(head, manager.create(hot, new Shape(rows, c)))),
                    rows);
        }
    }
}
