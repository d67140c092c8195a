package org.plasticity.trainers.continual;

import org.plasticity.core.net.Network;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.plasticity.HebbianSubspace;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.config.TrainingConfig;

import java.util.List;

/**
 * Trains given batches, in given order, through the task loop's own pieces — the plug-ins' task hooks, the freezing
 * after the first task, a fresh optimizer per task, the {@link EpochRunner} and its {@link TrainingStep} — and reads
 * every step's loss: the Plasticity side of a step-for-step comparison with another code (docs/FIDELITY.md).
 *
 * <p>Tasks are replayed in increasing order. Starting task {@code t} ends the previous one as the task loop does
 * ({@code afterTask}: HLOP's rows merge), runs {@code beforeTask} (HLOP's subspaces grow), freezes vectors and
 * thresholds after task 0 when {@code training.freezeAfterFirstTask} is set, and only then lets the caller
 * overwrite the state (the network's parameters, HLOP's rows) before the first step, so that each task can start
 * from exactly the other code's state.
 */
public final class StepReplay {
    private final Experiment experiment;
    private final ContinualTrainer trainer;
    private final TrainingSet samples;
    private final TrainingStep step;
    private TaskContext previous;

    /**
     * @param experiment the experiment (its scenario holds the tasks the batches index)
     * @param trainer its trainer, from {@link Methods#trainer}; its plug-ins are started here
     */
    public StepReplay(Experiment experiment, ContinualTrainer trainer) {
        this.experiment = experiment;
        this.trainer = trainer;
        this.samples = ContinualTrainer.universe(experiment.scenario());
        TrainingConfig training = experiment.config().training();
        this.step = new TrainingStep(experiment.network(), trainer.plugins(), false, training.onlineUpdate());
        trainer.plugins().forEach(p -> p.start(experiment));
    }

    /** HLOP's subspaces, input layer first, or an empty list when the method has no HLOP. */
    public List<HebbianSubspace> hlopSubspaces() {
        return trainer.plugins().stream().filter(HlopPlugin.class::isInstance).map(HlopPlugin.class::cast)
                .findFirst().map(HlopPlugin::subspaces).orElse(List.of());
    }

    /** The network being trained. */
    public Network network() {
        return experiment.network();
    }

    /**
     * Starts task {@code task}, lets {@code load} set the starting state, and trains one step per batch.
     *
     * @param task the task, greater than the one replayed before
     * @param load overwrites the state after the task's hooks ran and before the first step
     * @param batches each step's samples, as rows of the task's training split
     * @return each step's loss, as the run's log and metrics report it
     */
    public float[] train(int task, Runnable load, List<int[]> batches) {
        if (previous != null && task <= previous.index()) {
            throw new IllegalArgumentException("task " + task + " after task " + previous.index());
        }
        Task t = experiment.scenario().task(task);
        int head = experiment.scenario().taskIncremental() ? task : 0;
        TaskContext context = new TaskContext(experiment, t, head, samples);
        if (previous != null) {
            TaskContext ended = previous;
            trainer.plugins().forEach(p -> p.afterTask(ended));
        }
        trainer.plugins().forEach(p -> p.beforeTask(context));
        TrainingConfig training = experiment.config().training();
        if (task > 0 && training.freezeAfterFirstTask()) {
            ContinualTrainer.freezeAfterFirstTask(experiment.network());
        }
        load.run();
        previous = context;
        int[] offsets = new int[batches.size() + 1];
        for (int b = 0; b < batches.size(); b++) {
            offsets[b + 1] = offsets[b] + batches.get(b).length;
        }
        int[] sequence = new int[offsets[batches.size()]];
        for (int b = 0; b < batches.size(); b++) {
            int[] rows = batches.get(b);
            for (int i = 0; i < rows.length; i++) {
                sequence[offsets[b] + i] = samples.globalIndex(task, rows[i]);
            }
        }
        float[] losses = new float[batches.size()];
        long seed = experiment.config().seed();
        try (Optimizer optimizer = OptimizerFactory.create(training.optimizer(), experiment.network().parameters(),
                experiment.manager());
             BatchSource source = DeviceBatches.of(samples, List.of(task), experiment.manager(),
                     ContinualTrainer.budgetBytes(training));
             EpochRunner runner = new EpochRunner(step, source, 1, experiment.manager())) {
            optimizer.setLearningRate(ContinualTrainer.baseLearningRate(training, task, optimizer)
                    * OptimizerFactory.schedule(training.schedule()).factor(0));
            EpochRunner.Plan plan = new EpochRunner.Plan() {
                @Override
                public int batches() {
                    return batches.size();
                }

                @Override
                public StepContext context(int b) {
                    return new StepContext(context, 0, b);
                }

                @Override
                public int[] samples() {
                    return sequence;
                }

                @Override
                public int start(int b) {
                    return offsets[b];
                }

                @Override
                public int[] extras(int b, StepContext stepContext, int[] own) {
                    return ContinualTrainer.extraSamples(trainer.plugins(), stepContext, own);
                }

                @Override
                public long engineSeed(int b) {
                    return Seeds.derive(seed, "engine", task, 0, b);
                }
            };
            runner.run(plan, 0, optimizer, new EpochRunner.Listener() {
                @Override
                public void lossRead(int b, int[] members, float loss) {
                    losses[b] = loss;
                }
            });
        }
        return losses;
    }
}
