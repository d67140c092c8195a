package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDList;
import org.plasticity.core.metrics.AccuracyMatrix;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.optim.LearningRateSchedule;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.CheckpointStore;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.DivergenceError;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.RunInterrupted;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.Trainer;
import org.plasticity.trainers.config.TrainingConfig;
import org.plasticity.trainers.run.Progress;
import org.plasticity.trainers.run.ResidentMemory;
import org.plasticity.trainers.run.ResultWriter;
import org.plasticity.trainers.run.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 *
 * <p>With a run directory, a full-state checkpoint (parameters, optimizer state, plug-in state,
 * position, accuracy matrix) is written after every task and every
 * {@code output.checkpointEverySteps} steps, and when a stop is requested; {@link #run(Experiment,
 * Checkpoint)} continues from one exactly: data order and engine randomness depend only on the
 * position and the seed.
 */
public final class ContinualTrainer implements Trainer<RunResult> {
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
        return run(experiment, null);
    }

    /**
     * Runs the experiment, or continues it from a checkpoint.
     *
     * @param resume the checkpoint to continue from, or null for a fresh run
     * @throws RunInterrupted when a stop was requested (a checkpoint has been written)
     * @throws DivergenceError when the loss or a gradient stopped being finite
     */
    public RunResult run(Experiment experiment, Checkpoint resume) {
        long sessionStart = System.nanoTime();
        Scenario scenario = experiment.scenario();
        Network network = experiment.network();
        TrainingConfig training = experiment.config().training();
        int tasks = scenario.numTasks();
        RunProgress progress = new RunProgress(tasks);
        Evaluator evaluator = new Evaluator(network, experiment.manager(), training.evalBatchSize(),
                budgetBytes(training));
        TrainingStep step = new TrainingStep(network, plugins, training.onNonFinite().equals("skip"),
                training.onlineUpdate());
        CheckpointStore store = experiment.runDirectory() == null ? null
                : new CheckpointStore(experiment.runDirectory().file(RunDirectory.CHECKPOINTS));
        plugins.forEach(p -> p.start(experiment));
        if (resume != null) {
            restore(resume, experiment, progress);
            experiment.log().info("%s: resuming %s at task %d, epoch %d, batch %d", experiment.config().name(),
                    label(), progress.task, progress.epoch, progress.batch);
        } else {
            experiment.log().info("%s: %s on %s, %d tasks, %s training, device %s", experiment.config().name(),
                    label(), scenario.name(), tasks, training.method(), experiment.device());
        }
        TrainingSet samples = universe(scenario);
        double wallBefore = progress.wallSecondsBefore;
        Session session = new Session(experiment, store, progress, sessionStart, wallBefore);
        boolean forwardTransfer = training.forwardTransfer();
        if (!progress.untrainedEvaluated) {
            if (forwardTransfer) {
                evaluateRow(experiment, evaluator, progress.matrix, -1, tasks - 1);
            }
            progress.untrainedEvaluated = true;
        }
        while (progress.task < tasks) {
            int t = progress.task;
            Task task = scenario.task(t);
            TaskContext context = new TaskContext(experiment, task, head(scenario, t), samples);
            boolean midTask = progress.taskStarted;
            if (!midTask) {
                plugins.forEach(p -> p.beforeTask(context));
                if (t > 0 && training.freezeAfterFirstTask()) {
                    freezeAfterFirstTask(network);
                }
                progress.taskStarted = true;
            } else if (t > 0 && training.freezeAfterFirstTask()) {
                network.freezeStatistics(); // a mode, not a tensor: checkpoints do not hold it
            }
            trainTask(context, step, session, midTask ? resume : null);
            plugins.forEach(p -> p.afterTask(context));
            AccuracyMatrix matrix = progress.matrix;
            evaluateRow(experiment, evaluator, matrix, t, forwardTransfer ? Math.min(t + 1, tasks - 1) : t);
            Map<String, Object> diagnostics = new LinkedHashMap<>();
            plugins.forEach(p -> diagnostics.putAll(p.diagnostics()));
            if (progress.skipped > 0) {
                diagnostics.put("skippedBatches", progress.skipped);
            }
            progress.records.add(new RunResult.TaskRecord(t, task.name(), matrix.get(t, t), progress.taskSeconds,
                    progress.steps, progress.samples, progress.lastEpochLoss, diagnostics));
            experiment.log().info("task %d done: acc %s | ACC %.2f%% BWT %s (%.1f s, %.0f samples/s, RSS %s)", t,
                    rowText(matrix, t), 100 * matrix.acc(), points(matrix.bwt()), progress.taskSeconds,
                    progress.samples / progress.taskSeconds, ResidentMemory.describe());
            progress.totalTrainSeconds += progress.taskSeconds;
            progress.totalSamples += progress.samples;
            progress.nextTask();
            if (t + 1 < tasks) {
                session.checkpoint(null);
                session.stopIfRequested();
            }
        }
        double wall = session.wallSeconds();
        RunResult result = ResultWriter.result(experiment, label(), progress.matrix, progress.records, wall,
                progress.totalSamples / progress.totalTrainSeconds);
        if (experiment.runDirectory() != null) {
            ResultWriter.write(experiment, result, progress.matrix, weights(network));
        }
        experiment.log().info("ACC %.2f%%  BWT %s  FWT %s  (wall %.1f s)", 100 * result.acc(), points(result.bwt()),
                points(result.fwt()), wall);
        return result;
    }

    /** The checkpointing side of one process's share of a run. */
    private final class Session {
        final Experiment experiment;
        final CheckpointStore store;
        final RunProgress progress;
        final long start;
        final double wallBefore;

        Session(Experiment experiment, CheckpointStore store, RunProgress progress, long start, double wallBefore) {
            this.experiment = experiment;
            this.store = store;
            this.progress = progress;
            this.start = start;
            this.wallBefore = wallBefore;
        }

        double wallSeconds() {
            return wallBefore + (System.nanoTime() - start) / 1e9;
        }

        /** Writes a full-state checkpoint (no-op for runs without a run directory). */
        void checkpoint(Optimizer optimizer) {
            if (store == null) {
                return;
            }
            progress.wallSecondsBefore = wallSeconds();
            Checkpoint c = new Checkpoint();
            progress.save(c, "progress/");
            experiment.network().saveState(c, "network/");
            if (optimizer != null) {
                optimizer.saveState(c, "optimizer/");
            }
            for (int i = 0; i < plugins.size(); i++) {
                plugins.get(i).saveState(c, "plugin" + i + "/");
            }
            try {
                store.save(c);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a checkpoint in " + experiment.runDirectory().path(), e);
            }
        }

        boolean stopRequested() {
            return store != null && experiment.control().stopRequested();
        }

        void stopIfRequested() {
            if (stopRequested()) {
                throw new RunInterrupted(experiment.runDirectory().path());
            }
        }
    }

    private void restore(Checkpoint checkpoint, Experiment experiment, RunProgress progress) {
        progress.restore(checkpoint, "progress/");
        experiment.network().restoreState(checkpoint, "network/");
        for (int i = 0; i < plugins.size(); i++) {
            plugins.get(i).restoreState(checkpoint, "plugin" + i + "/");
        }
    }

    private static int head(Scenario scenario, int task) {
        return scenario.taskIncremental() ? task : 0;
    }

    /**
     * After task 0 the reference trains only parameters with ndim ≠ 1 (thresholds, biases and
     * BatchNorm affines freeze) and puts BatchNorm in evaluation mode for good ({@code fix_bn}).
     */
    static void freezeAfterFirstTask(Network network) {
        for (Param p : network.parameters()) {
            if (!trainsAfterFirstTask(p)) {
                p.setTrainable(false);
            }
        }
        network.freezeStatistics();
    }

    /** Whether {@code training.freezeAfterFirstTask} keeps training {@code p}: weights, not vectors or scalars. */
    static boolean trainsAfterFirstTask(Param p) {
        return p.rank() > 1;
    }

    private void trainTask(TaskContext context, TrainingStep step, Session session, Checkpoint resume) {
        Experiment experiment = context.experiment();
        RunProgress progress = session.progress;
        TrainingConfig training = experiment.config().training();
        TrainingSet samples = context.samples();
        List<Integer> tasks = regime.trainingTasks(context.index());
        int[] pool = pool(samples, tasks);
        int batch = training.batchSize();
        int batches = (pool.length + batch - 1) / batch;
        int every = experiment.config().output().checkpointEverySteps();
        long seed = experiment.config().seed();
        LearningRateSchedule schedule = OptimizerFactory.schedule(training.schedule());
        double secondsBefore = progress.taskSeconds;
        long start = System.nanoTime();
        try (Optimizer optimizer = OptimizerFactory.create(training.optimizer(), experiment.network().parameters(),
                experiment.manager());
             Progress bar = experiment.progress().start("task " + context.index(),
                     (long) batches * training.epochs(), "batch");
             BatchSource source = DeviceBatches.of(samples, tasks, experiment.manager(), budgetBytes(training));
             EpochRunner runner = new EpochRunner(step, source, training.syncEvery(), experiment.manager())) {
            if (resume != null && resume.has("progress/position")) {
                optimizer.restoreState(resume, "optimizer/");
            }
            bar.advance((long) progress.epoch * batches + progress.batch, null);
            double baseLr = baseLearningRate(training, context.index(), optimizer);
            for (; progress.epoch < training.epochs(); progress.epoch++) {
                optimizer.setLearningRate(baseLr * schedule.factor(progress.epoch));
                int epoch = progress.epoch;
                int[] order = order(pool.length, training.shuffle(), Seeds.derive(seed, "order", context.index(), epoch));
                int[] sequence = new int[pool.length];
                for (int i = 0; i < pool.length; i++) {
                    sequence[i] = pool[order[i]];
                }
                EpochRunner.Plan plan = new EpochRunner.Plan() {
                    @Override
                    public int batches() {
                        return batches;
                    }

                    @Override
                    public StepContext context(int b) {
                        return new StepContext(context, epoch, progress.steps);
                    }

                    @Override
                    public int[] samples() {
                        return sequence;
                    }

                    @Override
                    public int start(int b) {
                        return Math.min(b * batch, pool.length);
                    }

                    @Override
                    public int[] extras(int b, StepContext stepContext, int[] own) {
                        return extraSamples(plugins, stepContext, own);
                    }

                    @Override
                    public long engineSeed(int b) {
                        return Seeds.derive(seed, "engine", context.index(), epoch, b);
                    }
                };
                runner.run(plan, progress.batch, optimizer,
                        new TaskSteps(session, plan, bar, optimizer, every, secondsBefore, start));
                progress.lastEpochLoss = progress.epochLossSum / pool.length;
                progress.epochLossSum = 0;
                progress.batch = 0;
            }
        }
        progress.taskSeconds = secondsBefore + (System.nanoTime() - start) / 1e9;
    }

    /**
     * The task loop's side of each step: the position and sample counters as soon as a step has run
     * (plug-ins key their randomness on them), the epoch's loss sum and skip count once its loss is
     * read, and a checkpoint (or a requested stop) only after a read that covered every step run, so a
     * checkpoint never holds a step whose loss was not checked.
     */
    private static final class TaskSteps implements EpochRunner.Listener {
        private final Session session;
        private final RunProgress progress;
        private final EpochRunner.Plan plan;
        private final Progress bar;
        private final Optimizer optimizer;
        private final int every;
        private final double secondsBefore;
        private final long start;
        private float shown = Float.NaN;

        TaskSteps(Session session, EpochRunner.Plan plan, Progress bar, Optimizer optimizer, int every,
                  double secondsBefore, long start) {
            this.session = session;
            this.progress = session.progress;
            this.plan = plan;
            this.bar = bar;
            this.optimizer = optimizer;
            this.every = every;
            this.secondsBefore = secondsBefore;
            this.start = start;
        }

        private int count(int b) {
            return plan.start(b + 1) - plan.start(b);
        }

        @Override
        public boolean afterStep(int b, int[] members) {
            progress.batch++;
            progress.steps++;
            progress.samples += count(b);
            bar.advance(1, Float.isNaN(shown) ? null : String.format(java.util.Locale.ROOT, "loss %.4f", shown));
            return checkpointDue() || session.stopRequested();
        }

        @Override
        public void lossRead(int b, int[] members, float loss) {
            if (Float.isNaN(loss)) {
                progress.skipped++;
            } else {
                progress.epochLossSum += (double) loss * count(b);
            }
            shown = loss;
        }

        @Override
        public void synced() {
            if (checkpointDue() || session.stopRequested()) {
                progress.taskSeconds = secondsBefore + (System.nanoTime() - start) / 1e9;
                session.checkpoint(optimizer);
                session.stopIfRequested();
            }
        }

        private boolean checkpointDue() {
            return every > 0 && progress.steps % every == 0;
        }
    }

    /**
     * The learning rate a task's schedule scales: {@code training.lrAfterFirstTask} from the second task on when it is
     * set, else the optimizer's own.
     */
    static double baseLearningRate(TrainingConfig training, int task, Optimizer optimizer) {
        return task > 0 && training.lrAfterFirstTask() != null ? training.lrAfterFirstTask()
                : optimizer.learningRate();
    }

    /** The device budget for resident features, in bytes. */
    static long budgetBytes(TrainingConfig training) {
        return (long) training.deviceDataMiB() << 20;
    }

    /** Every task's training split under one index; source j is task j. */
    static TrainingSet universe(Scenario scenario) {
        List<TrainingSet.Source> sources = new ArrayList<>();
        for (int j = 0; j < scenario.numTasks(); j++) {
            Task task = scenario.task(j);
            sources.add(new TrainingSet.Source(task.train(), head(scenario, j), task.outputs()));
        }
        return new TrainingSet(sources);
    }

    /** The samples a task trains on: the training splits of the regime's tasks, in task order. */
    private static int[] pool(TrainingSet samples, List<Integer> tasks) {
        return tasks.stream().map(samples::indicesOf).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    /** The samples the plug-ins add to a batch with these own samples (experience replay), in hook order. */
    static int[] extraSamples(List<ContinualPlugin> plugins, StepContext context, int[] own) {
        int[] extras = ContinualPlugin.NO_SAMPLES;
        for (ContinualPlugin plugin : plugins) {
            extras = concat(extras, plugin.extraSamples(context, own));
        }
        return extras;
    }

    /** {@code first} followed by {@code second} (one of them itself when the other is empty). */
    static int[] concat(int[] first, int[] second) {
        if (second.length == 0) {
            return first;
        }
        if (first.length == 0) {
            return second;
        }
        int[] out = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
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
                int evaluated = j;
                plugins.forEach(p -> p.beforeEvaluation(evaluated));
                double acc = evaluator.accuracy(task.test(), head(scenario, j), progress);
                if (after < 0) {
                    matrix.setInitial(j, acc);
                } else {
                    matrix.set(after, j, acc);
                }
            }
        }
    }

    private static NDList weights(Network network) {
        NDList list = new NDList();
        for (Param p : network.parameters()) {
            list.add(p.value());
        }
        for (org.plasticity.core.layer.Buffer b : network.buffers()) {
            list.add(b.value());
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
