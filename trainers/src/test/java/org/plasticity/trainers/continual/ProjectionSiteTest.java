package org.plasticity.trainers.continual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.config.GpmConfig;
import org.plasticity.trainers.config.HlopConfig;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Projecting a layer's input rows gives the gradient that projecting its weight gradient gives
 * ({@code method.hlop.projectOn}, {@code method.gpm.projectOn}): two runs of a small DSR, BPTT or OTTT MLP differ
 * only in the site; they are the same up to the second step of task 1, where the first run projects the gradients
 * and the second the input rows (the first step of a task measures the removed fraction, which needs the gradient
 * site). The protected gradients after the projection must agree to float rounding.
 */
class ProjectionSiteTest {
    @TempDir
    Path temp;

    /** Records the protected layers' gradients at the second step of task 1, after the projection. */
    private static final class GradientProbe implements ContinualPlugin {
        final List<float[]> gradients = new ArrayList<>();
        final List<Boolean> onInputs = new ArrayList<>();
        final List<Boolean> shared = new ArrayList<>();
        private final IntPredicate projectedOnInputs;
        IntPredicate sharedResidual = l -> false;
        /** The method's diagnostics after the run (the last task's). */
        Map<String, Object> diagnostics = Map.of();
        private final List<WeightLayer> layers = new ArrayList<>();
        private int task;
        private int steps;

        GradientProbe(IntPredicate projectedOnInputs) {
            this.projectedOnInputs = projectedOnInputs;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void start(Experiment experiment) {
            layers.addAll(ProtectedLayers.of(experiment.network(), experiment.scenario().taskIncremental()));
        }

        @Override
        public void beforeTask(TaskContext context) {
            task = context.index();
            steps = 0;
        }

        @Override
        public void afterBackward(StepContext context) {
            if (task == 1 && ++steps == 2) {
                for (int l = 0; l < layers.size(); l++) {
                    gradients.add(layers.get(l).weight().gradient().toFloatArray());
                    onInputs.add(projectedOnInputs.test(l));
                    shared.add(sharedResidual.test(l));
                }
            }
        }
    }

    private ExperimentConfig config(String model, String training, String method, String site) {
        Path data = SmallMnist.write(temp.resolve("data"), 400, 60, 2);
        return ExperimentConfigs.parse("""
                { "threads": 1, "data": { "root": "%s", "tasks": 2 },
                  "model": { "hidden": [32, 24], "timesteps": 3 %s },
                  "training": { "batchSize": 16, "evalBatchSize": 64 %s },
                  "method": { "type": "finetune", %s },
                  "output": { "progress": false } }
                """.formatted(data, model, training, method.formatted(site)), "sites", List.of());
    }

    private GradientProbe run(ExperimentConfig config) {
        String training = config.training().method();
        ContinualPlugin method;
        IntPredicate onInputs;
        if (config.method().hlop() != null) {
            HlopPlugin hlop = new HlopPlugin(config.method().hlop(), training);
            method = hlop;
            onInputs = hlop::projectedOnInputs;
        } else {
            GpmPlugin gpm = new GpmPlugin(config.method().gpm(), training);
            method = gpm;
            onInputs = gpm::projectedOnInputs;
        }
        GradientProbe probe = new GradientProbe(onInputs);
        if (method instanceof HlopPlugin hlop) {
            probe.sharedResidual = hlop::sharedResidual;
        }
        List<ContinualPlugin> plugins = List.of(method, probe);
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE);
             StepScope scope = StepScope.open()) {
            new ContinualTrainer(TrainingRegime.FINETUNE, plugins).run(e);
            probe.diagnostics = method.diagnostics();
        }
        return probe;
    }

    private void assertSitesAgree(String model, String training, String method) {
        GradientProbe onGradient = run(config(model, training, method, "gradient"));
        GradientProbe onInputs = run(config(model, training, method, "inputs"));
        assertEquals(3, onGradient.gradients.size(), "fc1, fc2 and the shared classifier are protected");
        for (int l = 0; l < 3; l++) {
            assertFalse(onGradient.onInputs.get(l), "layer " + l + " projected on its gradient");
            assertTrue(onInputs.onInputs.get(l), "layer " + l + " projected on its inputs");
            float[] a = onGradient.gradients.get(l);
            float[] b = onInputs.gradients.get(l);
            double scale = 0;
            double worst = 0;
            for (int i = 0; i < a.length; i++) {
                scale = Math.max(scale, Math.abs(a[i]));
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
            assertTrue(scale > 0, "layer " + l + " has a gradient");
            assertTrue(worst <= 1e-5 * scale, "layer " + l + ": max difference " + worst + " against " + scale);
        }
    }

    private static final String DSR_MODEL = ", \"neuron\": { \"type\": \"dsr-lif\" }, \"readout\": \"weighted-rate\"";
    private static final String DSR_TRAINING = ", \"method\": \"dsr\", \"freezeAfterFirstTask\": true";
    /** A threshold low enough that the small network's second hidden layer fires, so the classifier has a gradient. */
    private static final String LOW_THRESHOLD_LIF = ", \"neuron\": { \"type\": \"lif\", \"vth\": 0.2 }";
    private static final String HLOP = "\"hlop\": { \"lr\": [0.001, 0.01, 0.01], \"initial\": [8, 6, 5], "
            + "\"increment\": [4, 3, 2], \"projectOn\": \"%s\" }";

    @Test
    void hlopWithDsr() {
        assertSitesAgree(DSR_MODEL, DSR_TRAINING, HLOP);
    }

    @Test
    void hlopWithDsrReusesTheFirstLayersProjectedRowsForItsHebbianUpdate() {
        // the first layer's Hebbian rows are its (direct-encoded) input rows, whose residual its projection formed;
        // the later layers learn from weighted rates, not from the sums their routes project
        GradientProbe onInputs = run(config(DSR_MODEL, DSR_TRAINING, HLOP, "inputs"));
        assertEquals(List.of(true, false, false), onInputs.shared);
        GradientProbe onGradient = run(config(DSR_MODEL, DSR_TRAINING, HLOP, "gradient"));
        assertEquals(List.of(false, false, false), onGradient.shared);
    }

    @Test
    void theRemovedFractionMeasuredOnTheRowsIsTheGradientSitesForEveryTrainingMethod() {
        // task 1's measuring steps (its first and 21st of 25): on the gradient, G − (G·Bᵀ)·B; on the rows, from
        // gᵀ·(x − P(x)) summed up to each optimizer step (OTTT's six backward passes a batch, with and without
        // per-timestep updates)
        String ottt = ", \"method\": \"ottt\"";
        String[][] cases = {
            {DSR_MODEL, DSR_TRAINING},
            {LOW_THRESHOLD_LIF, ""},
            {LOW_THRESHOLD_LIF + ", \"readout\": \"sum\"", ottt},
            {LOW_THRESHOLD_LIF + ", \"readout\": \"sum\"", ottt + ", \"onlineUpdate\": true"},
        };
        for (String[] c : cases) {
            List<?> onGradient = (List<?>) run(config(c[0], c[1], HLOP, "gradient")).diagnostics
                    .get("hlopGradientNormRemoved");
            List<?> onInputs = (List<?>) run(config(c[0], c[1], HLOP, "inputs")).diagnostics
                    .get("hlopGradientNormRemoved");
            for (int l = 0; l < 3; l++) {
                double a = ((Number) onGradient.get(l)).doubleValue();
                double b = ((Number) onInputs.get(l)).doubleValue();
                assertTrue(a > 1e-3, c[1] + " layer " + l + ": a part is removed (" + a + ")");
                assertEquals(a, b, 1e-4 * a, c[1] + " layer " + l);
            }
        }
    }

    @Test
    void hlopWithDsrAndFeedbackAlignment() {
        assertSitesAgree(DSR_MODEL, DSR_TRAINING + ", \"feedback\": \"feedback-alignment\"", HLOP);
    }

    @Test
    void hlopWithBptt() {
        assertSitesAgree(LOW_THRESHOLD_LIF, "", HLOP);
    }

    @Test
    void hlopWithOttt() {
        assertSitesAgree(LOW_THRESHOLD_LIF + ", \"readout\": \"sum\"", ", \"method\": \"ottt\"", HLOP);
    }

    @Test
    void gpmWithDsr() {
        assertSitesAgree(DSR_MODEL, DSR_TRAINING,
                "\"gpm\": { \"threshold\": [0.9, 0.9, 0.9], \"samples\": 40, \"projectOn\": \"%s\" }");
    }

    @Test
    void autoChoosesTheCheaperSiteAtThePaperSizes() {
        // the rows cost 2·R·in·M against the gradient's 2·out·in·M: they win when R < out, whatever the basis
        ProjectionCost dsr = ProjectionCost.of("dsr", 64, 20);
        assertTrue(dsr.inputsCheaper(800, 784, 80), "DSR's 64 rows against 800 outputs");
        assertTrue(dsr.inputsCheaper(800, 800, 20));
        assertFalse(dsr.inputsCheaper(10, 800, 480), "the 10-way classifier projects its gradient");
        ProjectionCost bptt = ProjectionCost.of("bptt", 64, 6);
        assertTrue(bptt.inputsCheaper(800, 800, 80), "BPTT's T·B = 384 rows against 800 outputs");
        assertFalse(bptt.inputsCheaper(200, 800, 80));
        assertTrue(ProjectionCost.of("ottt", 64, 6).inputsCheaper(800, 800, 20), "OTTT's trace rows alike");
    }

    @Test
    void unknownSiteIsRefusedWithItsPath() {
        var problems = org.plasticity.trainers.config.ConfigProblems.root();
        new HlopConfig(HlopConfig.DEFAULTS.lr(), HlopConfig.DEFAULTS.initial(), HlopConfig.DEFAULTS.increment(), 3, 20,
                5, 0.9, 10, 0, false, 20, 1000, true, null, 1, "weights", 0).validate(problems.at("method").at("hlop"));
        assertTrue(problems.all().toString().contains("method.hlop.projectOn"), problems.all().toString());
        var gpm = org.plasticity.trainers.config.ConfigProblems.root();
        new GpmConfig(List.of(0.9), 10, 0, "input").validate(gpm.at("method").at("gpm"));
        assertTrue(gpm.all().toString().contains("method.gpm.projectOn"), gpm.all().toString());
    }
}
