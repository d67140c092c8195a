package org.plasticity.trainers.continual;

import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.OptimizerFactory;

import java.util.ArrayList;
import java.util.Arrays;
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
        BatchAssembler assembler = new BatchAssembler(set, experiment.manager());
        TrainingStep step = new TrainingStep(experiment.network(), trainer.plugins(), false);
        int batch = experiment.config().training().batchSize();
        int[] order = ContinualTrainer.order(set.size(), true, Seeds.derive(experiment.config().seed(), "bench"));
        List<Double> rates = new ArrayList<>();
        try (Optimizer optimizer = OptimizerFactory.create(experiment.config().training().optimizer(),
                experiment.network().parameters(), experiment.manager())) {
            EpochRunner runner = new EpochRunner(step, assembler);
            long seed = experiment.config().seed();
            int[] position = {0};
            EpochRunner.Plan steps1 = new EpochRunner.Plan() {
                @Override
                public int batches() {
                    return 1;
                }

                @Override
                public StepContext context(int b) {
                    if (position[0] + batch > set.size()) {
                        position[0] = 0;
                    }
                    return new StepContext(context, 0, position[0] / batch);
                }

                @Override
                public int[] members(int b, StepContext stepContext) {
                    return ContinualTrainer.withExtras(trainer.plugins(), stepContext,
                            java.util.Arrays.copyOfRange(order, position[0], position[0] + batch));
                }

                @Override
                public long engineSeed(int b) {
                    return Seeds.derive(seed, "bench-engine", position[0]);
                }
            };
            Runnable oneStep = () -> runner.run(steps1, 0, optimizer, (b, members, loss) -> position[0] += batch);
            for (int i = 0; i < warmup; i++) {
                oneStep.run();
            }
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    oneStep.run();
                }
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
}
