package org.plasticity.trainers.continual;

import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.OptimizerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures training throughput: the same {@link TrainingStep}s (with the method's plug-ins) that a
 * run executes, on task 0's training data, timed after a warm-up, in several repeats.
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
        Task task = experiment.scenario().task(0);
        int head = 0; // task 0 uses head 0 in both shared and per-task layouts
        TrainingSet set = new TrainingSet(List.of(new TrainingSet.Source(task.train(), head, task.outputs())));
        TaskContext context = new TaskContext(experiment, task, head, set);
        trainer.plugins().forEach(p -> p.start(experiment));
        trainer.plugins().forEach(p -> p.beforeTask(context));
        BatchAssembler assembler = new BatchAssembler(set, experiment.manager());
        TrainingStep step = new TrainingStep(experiment.network(), trainer.plugins(), false);
        int batch = experiment.config().training().batchSize();
        int[] order = ContinualTrainer.order(set.size(), true, Seeds.derive(experiment.config().seed(), "bench"));
        List<Double> rates = new ArrayList<>();
        try (Optimizer optimizer = OptimizerFactory.create(experiment.config().training().optimizer(),
                experiment.network().parameters(), experiment.manager())) {
            int[] position = {0};
            Runnable oneStep = () -> {
                if (position[0] + batch > set.size()) {
                    position[0] = 0;
                }
                StepContext stepContext = new StepContext(context, 0, position[0] / batch);
                int[] members = ContinualTrainer.withExtras(trainer.plugins(), stepContext,
                        java.util.Arrays.copyOfRange(order, position[0], position[0] + batch));
                try (StepScope scope = StepScope.open()) {
                    step.run(assembler.assemble(members, 0, members.length), optimizer, stepContext);
                }
                position[0] += batch;
            };
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
