package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.net.Network;
import org.plasticity.core.optim.LearningRateSchedule;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.HatConfig;
import org.plasticity.trainers.config.TrainingConfig;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HAT, hard attention to the task (Serrà et al. 2018; hat.md), on the network's {@link UnitGates}:
 * the spikes of each group of hidden units are multiplied by a per-task gate {@code a = σ(s·e_t)}
 * ({@link HatEmbeddings}), so each task trains and uses only the units its gates open, and the
 * weights between units earlier tasks use do not change ({@link HatMasks}).
 *
 * <p>Per training step of task t: s from the batch's place in the epoch ({@link HatAnnealing}); the
 * loss adds {@code λ·R}; after backward, for t &gt; 0 each wired weight's gradient is multiplied by
 * {@code 1 − min(a<_post, a<_pre)}, then the embeddings' gradient is compensated, the gradient norm
 * over every trained tensor is clipped at {@code clipgrad}, task t's embeddings take a step of an
 * optimizer of the run's type and settings (created fresh for each task, at the run's learning rate
 * and schedule, as the authors' one optimizer over all parameters), and they are clamped to
 * {@code ±thresEmb}. The network's optimizer then steps. After the task its masks
 * {@code σ(smax·e_t)} join the cumulative mask; before task j is evaluated its gates take its test
 * mask ({@link HatTestMask}). With a shared head the head is a wired layer whose outputs are not
 * gated (its bias freezes after the first task); per-task heads are trained only on their task.
 */
public final class HatPlugin implements ContinualPlugin {
    private final HatConfig config;
    private final HatAnnealing annealing;
    private final HatTestMask testMask;
    private Network network;
    private Constants c;
    private NDManager manager;
    private List<UnitGate> gates;
    private HatEmbeddings embeddings;
    private HatMasks masks;
    private TrainingConfig training;
    private LearningRateSchedule schedule;
    /** The slope s of the step being trained: one kept 0-d tensor, rewritten per step. */
    private NDArray slope;
    private Optimizer optimizer;
    private int optimizerTask = -1;
    private double baseLr;
    private int trainingTask = -1;

    public HatPlugin(HatConfig config) {
        this.config = config;
        this.annealing = HatAnnealing.of(config.anneal());
        this.testMask = HatTestMask.of(config.testMask());
    }

    @Override
    public String name() {
        return "hat";
    }

    @Override
    public void start(Experiment experiment) {
        network = experiment.network();
        c = network.constants();
        UnitGates unitGates = network.unitGates();
        if (unitGates.isEmpty()) {
            throw new UserError("method.hat gates hidden units, and this model has none; give it hidden layers");
        }
        gates = unitGates.gates();
        manager = network.manager().newSubManager();
        embeddings = new HatEmbeddings(gates, experiment.scenario().numTasks(), manager,
                Seeds.derive(experiment.config().seed(), "hat-embeddings"));
        List<UnitGates.Wiring> wiring = new ArrayList<>(unitGates.wiring());
        if (!experiment.scenario().taskIncremental()) {
            wiring.add(unitGates.head(network.heads().get(0)));
        }
        masks = new HatMasks(gates, wiring, manager, c);
        training = experiment.config().training();
        schedule = OptimizerFactory.schedule(training.schedule());
        slope = StepScope.keep(manager.create(new float[] {(float) (1 / config.smax())}, new Shape()));
    }

    @Override
    public void beforeTask(TaskContext context) {
        openOptimizer(context.index());
    }

    private void openOptimizer(int task) {
        if (optimizer != null) {
            optimizer.close();
        }
        optimizer = OptimizerFactory.create(training.optimizer(), embeddings.of(task), manager);
        baseLr = optimizer.learningRate();
        optimizerTask = task;
    }

    /** The step's slope s; the step's task's gates at s, each asked for its values (with graph) at every use. */
    @Override
    public void beforeForward(StepContext context) {
        int task = context.task().index();
        if (optimizerTask != task) {
            openOptimizer(task);
        }
        slope.set(FloatBuffer.wrap(new float[] {(float) slope(context)}));
        embeddings.zeroGradients(task);
        for (int g = 0; g < gates.size(); g++) {
            int gate = g;
            gates.get(g).set(() -> embeddings.gate(task, gate, slope));
        }
        trainingTask = task;
    }

    /** s for the step's batch: its index b in the epoch follows from the task's step count. */
    private double slope(StepContext context) {
        int samples = context.task().task().train().size();
        int batchSize = training.batchSize();
        int batches = (samples + batchSize - 1) / batchSize;
        long batch = context.step() - (long) context.epoch() * batches;
        if (batch < 0 || batch >= batches) {
            throw new IllegalStateException("step " + context.step() + " is not in epoch " + context.epoch());
        }
        return annealing.slope(config.smax(), (int) batch, batches, batchSize, samples);
    }

    @Override
    public NDArray extraLoss(StepContext context) {
        List<NDArray> values = new ArrayList<>();
        for (int g = 0; g < gates.size(); g++) {
            values.add(embeddings.gate(trainingTask, g, slope));
        }
        return masks.regulariser(values, config.lambda());
    }

    /** hat.md §1.6: condition, compensate, clip, step and clamp the embeddings. */
    @Override
    public void afterBackward(StepContext context) {
        int task = trainingTask;
        masks.condition();
        embeddings.compensate(task, slope, config.smax(), config.thresCosh(), c);
        List<NDArray> trained = new ArrayList<>();
        for (Param p : network.parameters()) {
            NDArray g = p.trainable() ? p.gradient() : null;
            if (g != null) {
                trained.add(g);
            }
        }
        trained.addAll(embeddings.gradients(task));
        GradientClipping.clipNorm(trained, config.clipgrad(), c);
        optimizer.setLearningRate(baseLr * schedule.factor(context.epoch()));
        optimizer.step();
        embeddings.clamp(task, config.thresEmb(), c);
    }

    /** OTTT with per-timestep updates takes several steps per batch: each starts from zero. */
    @Override
    public void afterStep(StepContext context) {
        embeddings.zeroGradients(trainingTask);
    }

    @Override
    public void afterTask(TaskContext context) {
        List<NDArray> taskMasks = embeddings.masks(context.index(), config.smax(), c);
        masks.absorb(taskMasks);
        taskMasks.forEach(NDArray::close);
    }

    @Override
    public void beforeEvaluation(int task) {
        for (int g = 0; g < gates.size(); g++) {
            NDArray e = embeddings.of(task).get(g).value();
            gates.get(g).set(() -> testMask.of(e, config.smax(), c));
        }
    }

    /** The cumulative mask of a gate, or null before the first task ends (for tests). */
    NDArray cumulativeMask(UnitGate gate) {
        return masks.cumulative(gate);
    }

    /** The slope of the step last set up (for tests). */
    NDArray slope() {
        return slope;
    }

    /** The embeddings (for tests). */
    HatEmbeddings embeddings() {
        return embeddings;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("hatGates", gates.stream().map(UnitGate::name).toList());
        d.put("hatUnitsUsed", masks.usedFractions());
        d.put("hatUnitsSoft", masks.softFractions());
        return d;
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        embeddings.save(checkpoint, prefix + "embedding/");
        masks.save(checkpoint, prefix + "cumulative/");
        if (optimizer != null) {
            checkpoint.putLongs(prefix + "optimizerTask", optimizerTask);
            optimizer.saveState(checkpoint, prefix + "optimizer/");
        }
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        embeddings.restore(checkpoint, prefix + "embedding/", manager);
        masks.restore(checkpoint, prefix + "cumulative/");
        if (checkpoint.has(prefix + "optimizerTask")) {
            openOptimizer((int) checkpoint.longValue(prefix + "optimizerTask"));
            optimizer.restoreState(checkpoint, prefix + "optimizer/");
        }
    }
}
