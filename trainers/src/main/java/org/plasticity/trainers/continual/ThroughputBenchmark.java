package org.plasticity.trainers.continual;

import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.config.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures training throughput: the same {@link TrainingStep}s (with the method's plug-ins) that a
 * run executes, on task 0's training data (or task 1's, in the state later tasks train in), timed
 * after a warm-up, in several repeats.
 */
public final class ThroughputBenchmark {
    /**
     * The measurement.
     *
     * @param samplesPerSecond throughput of each repeat
     * @param medianSamplesPerSecond their median
     * @param msPerStep median time per step
     * @param batchSize B
     */
    public record Result(List<Double> samplesPerSecond, double medianSamplesPerSecond, double msPerStep,
                         int batchSize) {
    }

    private ThroughputBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param warmup untimed steps first
     * @param steps timed steps per repeat
     * @param repeats number of timed repeats
     * @param report receives one line per repeat
     */
    public static Result run(Experiment experiment, ContinualTrainer trainer, int warmup, int steps, int repeats,
                             Consumer<String> report) {
        return run(experiment, trainer, warmup, steps, repeats, false, report);
    }

    /**
     * Runs the benchmark on task 0, or in the state of the second task: the plug-ins have ended
     * task 0 (HLOP's rows merged and projecting, GPM's basis built from task 0's activations, untimed)
     * and, with {@code training.freezeAfterFirstTask}, vectors, thresholds and BatchNorm are frozen
     * as in a run — the state every later task trains in.
     *
     * @param laterTask benchmark task 1 after ending task 0
     */
    public static Result run(Experiment experiment, ContinualTrainer trainer, int warmup, int steps, int repeats,
                             boolean laterTask, Consumer<String> report) {
        if (laterTask && experiment.scenario().numTasks() < 2) {
            throw new org.plasticity.trainers.UserError("--later-task needs data.tasks >= 2, got "
                    + experiment.scenario().numTasks());
        }
        trainer.plugins().forEach(p -> p.start(experiment));
        if (laterTask) {
            Task first = experiment.scenario().task(0);
            TrainingSet firstSet = new TrainingSet(List.of(new TrainingSet.Source(first.train(), 0, first.outputs())));
            TaskContext firstContext = new TaskContext(experiment, first, 0, firstSet);
            trainer.plugins().forEach(p -> p.beforeTask(firstContext));
            trainer.plugins().forEach(p -> p.afterTask(firstContext));
            if (experiment.config().training().freezeAfterFirstTask()) {
                ContinualTrainer.freezeAfterFirstTask(experiment.network());
            }
        }
        int index = laterTask ? 1 : 0;
        Task task = experiment.scenario().task(index);
        int head = experiment.scenario().taskIncremental() ? index : 0;
        TrainingSet set = new TrainingSet(List.of(new TrainingSet.Source(task.train(), head, task.outputs())));
        TaskContext context = new TaskContext(experiment, task, head, set);
        trainer.plugins().forEach(p -> p.beforeTask(context));
        TrainingStep step = new TrainingStep(experiment.network(), trainer.plugins(), false);
        TrainingConfig training = experiment.config().training();
        int batch = training.batchSize();
        int[] order = ContinualTrainer.order(set.size(), true, Seeds.derive(experiment.config().seed(), "bench"));
        List<Double> rates = new ArrayList<>();
        try (Optimizer optimizer = OptimizerFactory.create(training.optimizer(), experiment.network().parameters(),
                experiment.manager());
             BatchSource source = DeviceBatches.of(set, List.of(0), experiment.manager(),
                     ContinualTrainer.budgetBytes(training));
             EpochRunner runner = new EpochRunner(step, source, training.syncEvery(), experiment.manager())) {
            Steps steps1 = new Steps(context, order, batch, experiment.config().seed(), trainer.plugins());
            if (warmup > 0) {
                runner.run(steps1.next(warmup), 0, optimizer, new EpochRunner.Listener() { });
            }
            for (int r = 0; r < repeats; r++) {
                EpochRunner.Plan plan = steps1.next(steps);
                long start = System.nanoTime();
                runner.run(plan, 0, optimizer, new EpochRunner.Listener() { });
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = (double) steps * batch / seconds;
                rates.add(rate);
                report.accept(String.format(java.util.Locale.ROOT, "repeat %d: %.0f samples/s (%.2f ms/step)",
                        r + 1, rate, 1000 * seconds / steps));
            }
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new Result(rates, median, 1000.0 * batch / median, batch);
    }

    /**
     * The benchmark's batches as plans of consecutive steps: each batch takes the next
     * {@code batch} samples of the shuffled order, starting over at its beginning when fewer remain;
     * the step counter is the batch's position in the order.
     */
    private static final class Steps {
        private final TaskContext context;
        private final int[] order;
        private final int batch;
        private final long seed;
        private final List<ContinualPlugin> plugins;
        private int position;

        Steps(TaskContext context, int[] order, int batch, long seed, List<ContinualPlugin> plugins) {
            this.context = context;
            this.order = order;
            this.batch = batch;
            this.seed = seed;
            this.plugins = plugins;
        }

        /** The next {@code n} batches. */
        EpochRunner.Plan next(int n) {
            int[] positions = new int[n];
            int[] samples = new int[n * batch];
            for (int b = 0; b < n; b++) {
                if (position + batch > order.length) {
                    position = 0;
                }
                positions[b] = position;
                System.arraycopy(order, position, samples, b * batch, batch);
                position += batch;
            }
            return new EpochRunner.Plan() {
                @Override
                public int batches() {
                    return n;
                }

                @Override
                public StepContext context(int b) {
                    return new StepContext(context, 0, positions[b] / batch);
                }

                @Override
                public int[] samples() {
                    return samples;
                }

                @Override
                public int start(int b) {
                    return b * batch;
                }

                @Override
                public int[] extras(int b, StepContext stepContext, int[] own) {
                    return ContinualTrainer.extraSamples(plugins, stepContext, own);
                }

                @Override
                public long engineSeed(int b) {
                    return Seeds.derive(seed, "bench-engine", positions[b]);
                }
            };
        }
    }
}
