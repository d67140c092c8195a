package org.plasticity.trainers.continual;

import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.plasticity.GpmBasis;
import org.plasticity.core.plasticity.GradientProjector;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.config.GpmConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient projection memory (GPM): after each task, the activations of {@code samples} random
 * training samples of the task at every protected layer's input form a representation matrix, and
 * the layer's {@link GpmBasis} grows until it holds the layer's energy threshold of it; while later
 * tasks train, each protected weight gradient is projected orthogonally to the basis by the
 * {@link GradientProjector} HLOP uses, on the gradient or on the layer's input rows ({@link LayerProjections}).
 * The layer inputs are the rows HLOP's Hebbian neurons learn from ({@link PresynapticRows}), so the two methods
 * differ only in how the subspace is found.
 */
public final class GpmPlugin implements ContinualPlugin {
    private final GpmConfig config;
    private final PresynapticRows rows;
    private final List<WeightLayer> protectedLayers = new ArrayList<>();
    private final List<GpmBasis> bases = new ArrayList<>();
    private final List<GradientProjector> projectors = new ArrayList<>();
    private final ProjectionMeter meter;
    private LayerProjections projections;
    private double[] capturedBefore = new double[0];
    private double basisSeconds;

    public GpmPlugin(GpmConfig config, String trainingMethod) {
        this.config = config;
        this.rows = new PresynapticRows(trainingMethod, true);
        this.meter = new ProjectionMeter();
    }

    @Override
    public String name() {
        return "gpm";
    }

    @Override
    public void start(Experiment experiment) {
        protectedLayers.addAll(ProtectedLayers.of(experiment.network(), experiment.scenario().taskIncremental()));
        for (WeightLayer layer : protectedLayers) {
            GpmBasis basis = new GpmBasis(experiment.network().manager(), layer.fanIn());
            bases.add(basis);
            projectors.add(new GradientProjector(basis, experiment.network().constants()));
        }
        capturedBefore = new double[bases.size()];
        meter.start(experiment.network().manager());
        projections = new LayerProjections(protectedLayers, projectors, ProjectionSite.named(config.projectOn()),
                ProjectionCost.of(experiment.config()), meter);
    }

    @Override
    public void beforeTask(TaskContext context) {
        meter.reset(bases.size());
    }

    @Override
    public void beforeForward(StepContext context) {
        projections.beforeForward();
    }

    @Override
    public void afterBackward(StepContext context) {
        projections.afterBackward();
    }

    @Override
    public void beforeEvaluation(int task) {
        projections.restoreRoutes();
    }

    @Override
    public void afterTask(TaskContext context) {
        long start = System.nanoTime();
        projections.restoreRoutes();
        List<LayerActivations.Matrix> matrices = LayerActivations.ofTaskSamples(context, config.samples(), "gpm", rows,
                protectedLayers);
        for (int l = 0; l < bases.size(); l++) {
            LayerActivations.Matrix m = matrices.get(l);
            GpmBasis.Extension e = bases.get(l).extend(m.values(), m.rows(), config.threshold(l, context.index()));
            capturedBefore[l] = e.capturedBefore();
        }
        basisSeconds = (System.nanoTime() - start) / 1e9;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("gpmBasisSizes", bases.stream().map(GpmBasis::size).toList());
        d.put("gpmEnergyCapturedBeforeTask", Arrays.stream(capturedBefore).boxed().toList());
        d.put("gpmGradientNormRemoved", meter.means());
        d.put("gpmBasisSeconds", basisSeconds);
        return d;
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        checkpoint.putDoubles(prefix + "removedSum", meter.sums());
        checkpoint.putLongs(prefix + "measured", meter.counters());
        for (int l = 0; l < bases.size(); l++) {
            bases.get(l).saveState(checkpoint, prefix + "basis" + l + "/");
        }
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        meter.restore(checkpoint.doubles(prefix + "removedSum"), checkpoint.longs(prefix + "measured"));
        for (int l = 0; l < bases.size(); l++) {
            bases.get(l).restoreState(checkpoint, prefix + "basis" + l + "/");
        }
    }

    /** Whether protected layer {@code l} is projected on its input rows in the current step (for tests). */
    boolean projectedOnInputs(int l) {
        return projections.onInputs(l);
    }

    /** The bases, input layer first (for tests). */
    public List<GpmBasis> bases() {
        return bases;
    }
}
