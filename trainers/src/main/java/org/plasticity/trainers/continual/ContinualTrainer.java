package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDList;
import org.plasticity.core.metrics.AccuracyMatrix;
import org.plasticity.core.net.Param;
import org.plasticity.core.net.SpikingMlp;
import org.plasticity.core.optim.LearningRateSchedule;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.Trainer;
import org.plasticity.trainers.config.TrainingConfig;
import org.plasticity.trainers.run.Progress;
import org.plasticity.trainers.run.ResultWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The continual-learning task loop, the one loop every continual method runs in. For each task:
 * the plug-ins' {@code beforeTask}; a fresh optimizer and schedule (as the reference creates per
 * task); the epochs of shuffled mini-batches of the regime's training data, each a
 * {@link TrainingStep}; the plug-ins' {@code afterTask}; then every task seen so far, and the next
 * one (for forward transfer), is evaluated into the accuracy matrix. The untrained model is
 * evaluated on every task first.
 */
public final class ContinualTrainer implements Trainer {
    private final TrainingRegime regime;
    private final List<ContinualPlugin> plugins;

    public ContinualTrainer(TrainingRegime regime, List<ContinualPlugin> plugins) {
        this.regime = regime;
        this.plugins = List.copyOf(plugins);
    }

    /** The method plug-ins, in hook order. */
    public List<ContinualPlugin> plugins() {
        return plugins;
    }

    /** The method label: the regime, then each plug-in ({@code finetune+hlop}). */
    public String label() {
        StringBuilder sb = new StringBuilder(regime.label());
        plugins.forEach(p -> sb.append('+').append(p.name()));
        return sb.toString();
    }

    @Override
    public RunResult run(Experiment experiment) {
        long start = System.nanoTime();
        Scenario scenario = experiment.scenario();
        SpikingMlp network = experiment.network();
        TrainingConfig training = experiment.config().training();
        int tasks = scenario.numTasks();
        AccuracyMatrix matrix = new AccuracyMatrix(tasks);
        Evaluator evaluator = new Evaluator(network, experiment.manager(), training.evalBatchSize());
        TrainingStep step = new TrainingStep(network, plugins);
        experiment.log().info("%s: %s on %s, %d tasks, %s training, device %s", experiment.config().name(),
                label(), scenario.name(), tasks, training.method(), experiment.device());

        evaluateRow(experiment, evaluator, matrix, -1, tasks - 1);
        List<RunResult.TaskRecord> records = new ArrayList<>();
        double trainSeconds = 0;
        long trainSamples = 0;
        for (int t = 0; t < tasks; t++) {
            Task task = scenario.task(t);
            TaskContext context = new TaskContext(experiment, task, head(scenario, t));
            plugins.forEach(p -> p.beforeTask(context));
            if (t > 0 && training.freezeAfterFirstTask()) {
                freezeVectorsAndScalars(network);
            }
            PhaseStats stats = trainTask(experiment, context, step);
            trainSeconds += stats.seconds;
            trainSamples += stats.samples;
            plugins.forEach(p -> p.afterTask(context));
            evaluateRow(experiment, evaluator, matrix, t, Math.min(t + 1, tasks - 1));
            Map<String, Object> diagnostics = new LinkedHashMap<>();
            plugins.forEach(p -> diagnostics.putAll(p.diagnostics()));
            records.add(new RunResult.TaskRecord(t, task.name(), matrix.get(t, t), stats.seconds, stats.steps,
                    stats.samples, stats.lastEpochLoss, diagnostics));
            experiment.log().info("task %d done: acc %s | ACC %.2f%% BWT %s (%.1f s, %.0f samples/s)", t,
                    rowText(matrix, t), 100 * matrix.acc(), points(matrix.bwt()), stats.seconds,
                    stats.samples / stats.seconds);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        RunResult result = ResultWriter.result(experiment, label(), matrix, records, wall,
                trainSamples / trainSeconds);
        if (experiment.runDirectory() != null) {
            ResultWriter.write(experiment, result, matrix, weights(network));
        }
        experiment.log().info("ACC %.2f%%  BWT %s  FWT %s  (wall %.1f s)", 100 * result.acc(), points(result.bwt()),
                points(result.fwt()), wall);
        return result;
    }

    private static int head(Scenario scenario, int task) {
        return scenario.taskIncremental() ? task : 0;
    }

    /** After task 0 the reference trains only parameters with ndim ≠ 1, and freezes thresholds. */
    private static void freezeVectorsAndScalars(SpikingMlp network) {
        for (Param p : network.parameters()) {
            if (p.rank() <= 1) {
                p.setTrainable(false);
            }
        }
    }

    private record PhaseStats(double seconds, long steps, long samples, double lastEpochLoss) {
    }

    private PhaseStats trainTask(Experiment experiment, TaskContext context, TrainingStep step) {
        TrainingConfig training = experiment.config().training();
        Scenario scenario = experiment.scenario();
        List<TrainingSet.Source> sources = new ArrayList<>();
        for (int j : regime.trainingTasks(context.index())) {
            Task task = j == context.index() ? context.task() : scenario.task(j);
            sources.add(new TrainingSet.Source(task.train(), head(scenario, j), task.outputs()));
        }
        TrainingSet set = new TrainingSet(sources);
        BatchAssembler assembler = new BatchAssembler(set, experiment.manager());
        int batch = training.batchSize();
        int batches = (set.size() + batch - 1) / batch;
        LearningRateSchedule schedule = OptimizerFactory.schedule(training.schedule());
        long steps = 0;
        long samples = 0;
        double lastLoss = Double.NaN;
        long start = System.nanoTime();
        try (Optimizer optimizer = OptimizerFactory.create(training.optimizer(), experiment.network().parameters(),
                experiment.manager());
             Progress progress = experiment.progress().start("task " + context.index(),
                     (long) batches * training.epochs(), "batch")) {
            double baseLr = optimizer.learningRate();
            for (int epoch = 0; epoch < training.epochs(); epoch++) {
                optimizer.setLearningRate(baseLr * schedule.factor(epoch));
                int[] order = order(set.size(), training.shuffle(),
                        Seeds.derive(experiment.config().seed(), "order", context.index(), epoch));
                double lossSum = 0;
                for (int from = 0; from < set.size(); from += batch) {
                    int count = Math.min(batch, set.size() - from);
                    StepContext stepContext = new StepContext(context, epoch, steps);
                    float loss;
                    try (StepScope scope = StepScope.open()) {
                        loss = step.run(assembler.assemble(order, from, count), optimizer, stepContext);
                    }
                    lossSum += loss * count;
                    steps++;
                    samples += count;
                    progress.advance(1, String.format(java.util.Locale.ROOT, "loss %.4f", loss));
                }
                lastLoss = lossSum / set.size();
            }
        }
        return new PhaseStats((System.nanoTime() - start) / 1e9, steps, samples, lastLoss);
    }

    /** The sample order of an epoch: a seeded Fisher–Yates shuffle, or file order. */
    static int[] order(int n, boolean shuffle, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        return order;
    }

    /** Evaluates tasks 0..last after task {@code after} (−1: the untrained model). */
    private void evaluateRow(Experiment experiment, Evaluator evaluator, AccuracyMatrix matrix, int after, int last) {
        Scenario scenario = experiment.scenario();
        long total = 0;
        for (int j = 0; j <= last; j++) {
            total += scenario.task(j).test().size();
        }
        String name = after < 0 ? "eval untrained" : "eval after " + after;
        try (Progress progress = experiment.progress().start(name, total, "sample")) {
            for (int j = 0; j <= last; j++) {
                Task task = scenario.task(j);
                double acc = evaluator.accuracy(task.test(), head(scenario, j), progress);
                if (after < 0) {
                    matrix.setInitial(j, acc);
                } else {
                    matrix.set(after, j, acc);
                }
            }
        }
    }

    private static NDList weights(SpikingMlp network) {
        NDList list = new NDList();
        for (Param p : network.parameters()) {
            list.add(p.value());
        }
        return list;
    }

    private static String rowText(AccuracyMatrix m, int row) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j <= row; j++) {
            sb.append(j == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.2f", 100 * m.get(row, j)));
        }
        return sb.toString();
    }

    private static String points(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%+.2f", 100 * v);
    }
}
