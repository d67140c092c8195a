package org.plasticity.trainers.continual;

import org.plasticity.core.optim.LearningRateSchedule;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.config.MemoryReplayConfig;
import org.plasticity.trainers.config.TrainingConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory replay (MR) as the HLOP reference runs it (hlop.md §4.3). Each task's memory is the
 * first {@code perClass} training samples of each class, in file order. After every task from the
 * second on (after the projection methods have merged their subspaces), a replay phase runs: for
 * each epoch, an index list as long as task 0's memory is shuffled, and each chunk of
 * {@code batchSize} indices makes one step whose loss is the sum over tasks 0..t of the mean
 * cross-entropy of that task's memory at those indices, with a fresh optimizer of the main type at
 * the replay learning rate. Replay steps run with no plug-in hooks, so their gradients are not
 * projected and no Hebbian learning happens. The task loop then measures the task's accuracy row,
 * so the row (and BWT's diagonal) is the post-replay one, as in the reference.
 *
 * <p>The memory is a pure function of the data, so the plug-in has no checkpoint state; a replay
 * phase interrupted by a kill reruns from its start on resume, with the same randomness.
 */
public final class MemoryReplayPlugin implements ContinualPlugin {
    private final MemoryReplayConfig config;
    private final List<int[]> memories = new ArrayList<>();
    private long replaySteps;
    private double replaySeconds;

    public MemoryReplayPlugin(MemoryReplayConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "mr";
    }

    /**
     * The first {@code perClass} samples of each class of a split, class by class (ascending),
     * each class in file order.
     */
    public static int[] memoryOf(Split split, int perClass) {
        int classes = 0;
        for (int label : split.labels()) {
            classes = Math.max(classes, label + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < split.size(); i++) {
            List<Integer> kept = byClass.get(split.label(i));
            if (kept.size() < perClass) {
                kept.add(i);
            }
        }
        return byClass.stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void beforeTask(TaskContext context) {
        replaySteps = 0;
        replaySeconds = 0;
    }

    @Override
    public void afterTask(TaskContext context) {
        int t = context.index();
        TrainingSet samples = context.samples();
        while (memories.size() <= t) {
            int j = memories.size();
            int[] rows = memoryOf(samples.sources().get(j).split(), config.perClass());
            int[] global = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                global[i] = samples.globalIndex(j, rows[i]);
            }
            memories.add(global);
        }
        if (t >= 1) {
            replay(context);
        }
    }

    private void replay(TaskContext context) {
        long start = System.nanoTime();
        Experiment experiment = context.experiment();
        TrainingConfig training = experiment.config().training();
        long seed = experiment.config().seed();
        int t = context.index();
        TrainingStep step = new TrainingStep(experiment.network(), List.of(), training.onNonFinite().equals("skip"),
                training.onlineUpdate());
        LearningRateSchedule schedule = OptimizerFactory.schedule(config.schedule());
        int indices = memories.get(0).length;
        int size = config.batchSize();
        int batches = (indices + size - 1) / size;
        try (Optimizer optimizer = OptimizerFactory.create(training.optimizer(), experiment.network().parameters(),
                experiment.manager());
             BatchSource source = new BatchAssembler(context.samples(), experiment.manager());
             EpochRunner runner = new EpochRunner(step, source, training.syncEvery(), experiment.manager())) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                optimizer.setLearningRate(config.lr() * schedule.factor(epoch));
                int e = epoch;
                int[] order = ContinualTrainer.order(indices, true, Seeds.derive(seed, "replay-order", t, epoch));
                int[] starts = new int[batches + 1];
                List<int[]> chunks = new ArrayList<>();
                for (int b = 0; b < batches; b++) {
                    chunks.add(chunkMembers(order, b * size, Math.min(size, indices - b * size), t));
                    starts[b + 1] = starts[b] + chunks.get(b).length;
                }
                int[] sequence = chunks.stream().flatMapToInt(java.util.Arrays::stream).toArray();
                EpochRunner.Plan plan = new EpochRunner.Plan() {
                    @Override
                    public int batches() {
                        return batches;
                    }

                    @Override
                    public StepContext context(int b) {
                        return new StepContext(context, e, replaySteps);
                    }

                    @Override
                    public int[] samples() {
                        return sequence;
                    }

                    @Override
                    public int start(int b) {
                        return starts[b];
                    }

                    @Override
                    public long engineSeed(int b) {
                        return Seeds.derive(seed, "replay-engine", t, e, b);
                    }

                    /** The sum over tasks of per-task means of equal chunks, as the reference accumulates. */
                    @Override
                    public double lossDenominator(int b, int[] members) {
                        return Math.min(size, indices - b * size);
                    }
                };
                runner.run(plan, 0, optimizer, new EpochRunner.Listener() {
                    @Override
                    public boolean afterStep(int b, int[] members) {
                        replaySteps++;
                        return false;
                    }
                });
            }
        }
        replaySeconds = (System.nanoTime() - start) / 1e9;
    }

    /** Each task's memory samples at the chunk's indices (indices past a smaller memory are skipped). */
    private int[] chunkMembers(int[] order, int from, int count, int lastTask) {
        List<Integer> members = new ArrayList<>();
        for (int j = 0; j <= lastTask; j++) {
            int[] memory = memories.get(j);
            for (int i = from; i < from + count; i++) {
                if (order[i] < memory.length) {
                    members.add(memory[order[i]]);
                }
            }
        }
        return members.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("memoryReplaySamples", memories.stream().mapToInt(m -> m.length).sum());
        d.put("memoryReplaySteps", replaySteps);
        d.put("memoryReplaySeconds", replaySeconds);
        return d;
    }

    /** The memories so far, as indices into the run's sample universe (for tests). */
    public List<int[]> memories() {
        return memories;
    }
}
