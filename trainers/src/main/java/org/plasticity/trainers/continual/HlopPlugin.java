package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.LayerInput;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.net.Network;
import org.plasticity.core.plasticity.HebbianSettings;
import org.plasticity.core.plasticity.GradientProjector;
import org.plasticity.core.plasticity.HebbianSubspace;
import org.plasticity.core.plasticity.LateralQuantizer;
import org.plasticity.core.plasticity.SubspaceEnergy;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.config.HlopConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HLOP (hlop.md §2): per protected weight layer, lateral Hebbian neurons learn the principal
 * subspace of the layer's presynaptic activity while the task trains; while later tasks train,
 * each protected weight gradient G becomes {@code G − (G·H_oldᵀ)·H_old}, orthogonal to the
 * subspaces of earlier tasks.
 *
 * <p>Lifecycle as in the reference: before each task the subspaces grow by the configured number
 * of neurons ({@link HlopConfig#neuronsAdded}: the increments shrink by {@code decrement} every
 * {@code decrementEvery} tasks, and may switch to {@code laterIncrement});
 * during training, after backward, gradients are projected onto the complement of the old rows
 * (from task 1 on; on the gradient or, where cheaper, on the layer's input rows: {@link LayerProjections})
 * and the new rows take {@code iterations} Hebbian steps on the batch's
 * presynaptic activity; after the task all rows merge into the old subspace. Protected layers are
 * the hidden layers and, with a shared head, the classifier (per-task heads are not protected, as
 * in the reference).
 *
 * <p>Hebbian inputs per training method (hlop.md §2.4) are chosen by {@link PresynapticRows}. With
 * {@code energySamples > 0}, each task ends by measuring, on that many of its training samples, the share of each
 * layer's activity energy its subspace holds and the share the best subspace of the same size would hold
 * ({@link SubspaceEnergy}): whether the lists are long enough and whether the Hebbian rows found the principal subspace.
 */
public final class HlopPlugin implements ContinualPlugin {
    private final HlopConfig config;
    private final List<HebbianSubspace> subspaces = new ArrayList<>();
    private final List<WeightLayer> protectedLayers = new ArrayList<>();
    private final List<HebbianSettings> settings = new ArrayList<>();
    /** Hebbian inputs seen since the last update, per layer (OTTT sees one per timestep). */
    private final List<List<Pending>> pendingInputs = new ArrayList<>();
    private final PresynapticRows rows;
    private final ProjectionMeter meter;
    private LayerProjections projections;
    /** Per layer, whether its last Hebbian update started from the residual its projection formed. */
    private boolean[] sharedResidual = new boolean[0];
    private List<SubspaceEnergy.Fractions> energy = List.of();

    public HlopPlugin(HlopConfig config, String trainingMethod) {
        this.config = config;
        this.rows = new PresynapticRows(trainingMethod, config.withWfr());
        this.meter = new ProjectionMeter();
        for (int l = 0; l < config.lr().size(); l++) {
            pendingInputs.add(new ArrayList<>());
        }
    }

    @Override
    public String name() {
        return "hlop";
    }

    @Override
    public void start(Experiment experiment) {
        Network network = experiment.network();
        protectedLayers.addAll(ProtectedLayers.of(network, experiment.scenario().taskIncremental()));
        LateralQuantizer quantizer = config.spiking()
                ? new LateralQuantizer(config.spikingScale(), config.spikingTimesteps()) : null;
        for (int l = 0; l < protectedLayers.size(); l++) {
            subspaces.add(new HebbianSubspace(network.manager(), protectedLayers.get(l).fanIn(), quantizer));
            settings.add(new HebbianSettings(config.lr().get(l), config.iterations(), config.momentum(),
                    config.clamp(), quantizer));
        }
        sharedResidual = new boolean[protectedLayers.size()];
        meter.start(network.manager());
        List<GradientProjector> projectors = new ArrayList<>();
        subspaces.forEach(s -> projectors.add(s.projector()));
        projections = new LayerProjections(protectedLayers, projectors, ProjectionSite.named(config.projectOn()),
                ProjectionCost.of(experiment.config()), meter);
    }

    @Override
    public void beforeTask(TaskContext context) {
        int t = context.index();
        long seed = context.experiment().config().seed();
        for (int l = 0; l < subspaces.size(); l++) {
            subspaces.get(l).addNeurons(config.neuronsAdded(l, t), Seeds.derive(seed, "hlop", l, t));
        }
        meter.reset(subspaces.size());
    }

    @Override
    public void beforeForward(StepContext context) {
        projections.beforeForward();
    }

    @Override
    public LayerObserver observer(StepContext context) {
        if (context.epoch() < config.startEpoch()) {
            return LayerObserver.NONE;
        }
        return this::collect;
    }

    /** One Hebbian input: the rows, and the tensor of the forward pass they were taken from (or null). */
    private record Pending(NDArray rows, NDArray source) {
    }

    private void collect(LayerInput input) {
        int l = input.layer();
        if (l < pendingInputs.size() && l < subspaces.size()) {
            // a projected route records its rows only on linear layers, whose Hebbian rows are their input rows
            pendingInputs.get(l).add(new Pending(protectedLayers.get(l).presynapticRows(rows.of(input)),
                    rows.source(input)));
        }
    }

    @Override
    public void afterBackward(StepContext context) {
        projections.afterBackward();
        for (int l = 0; l < subspaces.size(); l++) {
            HebbianSubspace subspace = subspaces.get(l);
            for (Pending p : pendingInputs.get(l)) {
                // DSR's first layer: its Hebbian rows are its input rows, whose residual the projection formed
                NDArray residual = projections.projectedRows(l, p.source());
                sharedResidual[l] = residual != null;
                subspace.update(p.rows(), residual, settings.get(l));
            }
            pendingInputs.get(l).clear();
        }
    }

    @Override
    public void afterTask(TaskContext context) {
        projections.restoreRoutes();
        if (config.energySamples() > 0) {
            energy = measureEnergy(context);
        }
        subspaces.forEach(HebbianSubspace::merge);
    }

    private List<SubspaceEnergy.Fractions> measureEnergy(TaskContext context) {
        List<LayerActivations.Matrix> matrices = LayerActivations.ofTaskSamples(context, config.energySamples(),
                "hlop-energy", rows, protectedLayers);
        List<SubspaceEnergy.Fractions> out = new ArrayList<>();
        for (int l = 0; l < subspaces.size(); l++) {
            HebbianSubspace subspace = subspaces.get(l);
            LayerActivations.Matrix m = matrices.get(l);
            out.add(SubspaceEnergy.of(m.values(), m.rows(), subspace.weights().toFloatArray(), subspace.size(),
                    subspace.inputDim()));
        }
        return out;
    }

    @Override
    public void beforeEvaluation(int task) {
        projections.restoreRoutes();
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        List<Integer> sizes = new ArrayList<>();
        for (HebbianSubspace subspace : subspaces) {
            sizes.add(subspace.size());
        }
        d.put("hlopSubspaceSizes", sizes);
        d.put("hlopGradientNormRemoved", meter.means());
        if (!energy.isEmpty()) {
            d.put("hlopEnergyCaptured", energy.stream().map(SubspaceEnergy.Fractions::captured).toList());
            d.put("hlopEnergyPrincipal", energy.stream().map(SubspaceEnergy.Fractions::principal).toList());
        }
        return d;
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        checkpoint.putDoubles(prefix + "removedSum", meter.sums());
        checkpoint.putLongs(prefix + "measured", meter.counters());
        for (int l = 0; l < subspaces.size(); l++) {
            subspaces.get(l).saveState(checkpoint, prefix + "subspace" + l + "/");
        }
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        meter.restore(checkpoint.doubles(prefix + "removedSum"), checkpoint.longs(prefix + "measured"));
        for (int l = 0; l < subspaces.size(); l++) {
            subspaces.get(l).restoreState(checkpoint, prefix + "subspace" + l + "/");
        }
    }

    /** Whether protected layer {@code l} is projected on its input rows in the current step (for tests). */
    boolean projectedOnInputs(int l) {
        return projections.onInputs(l);
    }

    /** Whether layer {@code l}'s last Hebbian update reused its projected input rows (for tests). */
    boolean sharedResidual(int l) {
        return sharedResidual[l];
    }

    /** The subspaces, input layer first (for tests and checkpoints). */
    public List<HebbianSubspace> subspaces() {
        return subspaces;
    }
}
