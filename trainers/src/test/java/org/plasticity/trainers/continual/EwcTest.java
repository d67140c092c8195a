package org.plasticity.trainers.continual;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.EwcConfig;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EWC on a small DSR network: the Fisher of one sample is its squared gradient; the penalty is zero
 * at θ*; after two tasks the penalty and its gradient equal the closed form
 * {@code λ/2 Σ_k Σ F_k (θ − θ*_k)²} and {@code λ Σ_k F_k (θ − θ*_k)}.
 */
class EwcTest {
    private static final double LAMBDA = 30.0;

    @TempDir
    Path temp;

    private Experiment experiment() {
        Path data = SmallMnist.write(temp.resolve("data"), 300, 50, 4);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 2 },
                  "model": { "hidden": [24], "timesteps": 5, "readout": "weighted-rate",
                             "neuron": { "type": "dsr-lif" } },
                  "training": { "method": "dsr", "batchSize": 16 },
                  "output": { "progress": false } }
                """.formatted(data), "ewc-test", List.of());
        return ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE);
    }

    private static TaskContext context(Experiment e, int t) {
        List<org.plasticity.trainers.continual.TrainingSet.Source> sources = new ArrayList<>();
        for (int j = 0; j < e.scenario().numTasks(); j++) {
            Task task = e.scenario().task(j);
            sources.add(new TrainingSet.Source(task.train(), 0, task.outputs()));
        }
        return new TaskContext(e, e.scenario().task(t), 0, new TrainingSet(sources));
    }

    private static double[] values(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static List<double[]> snapshot(Network net) {
        List<double[]> out = new ArrayList<>();
        for (Param p : net.parameters()) {
            out.add(values(p.value()));
        }
        return out;
    }

    private static void perturb(Network net, long seed) {
        Random r = new Random(seed);
        for (Param p : net.parameters()) {
            float[] v = p.value().toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (0.05 * r.nextGaussian());
            }
            p.value().set(v);
        }
    }

    @Test
    void theFisherOfOneSampleIsItsSquaredGradient() {
        try (Experiment e = experiment()) {
            Network net = e.network();
            TaskContext context = context(e, 0);
            List<NDArray> fisher = FisherEstimator.estimate(net, e.manager(), context, 1, false, e.config().seed()).fisher();
            // the same sample again: the first of the same seeded order
            int row = ContinualTrainer.order(context.task().train().size(), true,
                    org.plasticity.core.tensor.Seeds.derive(e.config().seed(), "fisher-samples", 0))[0];
            BatchAssembler assembler = new BatchAssembler(context.samples(), e.manager());
            new TrainingStep(net, List.of(), false).gradients(assembler.assemble(new int[] {row}, 0, 1),
                    new StepContext(context, 0, 0), 1);
            for (int k = 0; k < net.parameters().size(); k++) {
                NDArray g = net.parameters().get(k).gradient();
                if (fisher.get(k) == null || g == null) {
                    continue;
                }
                double[] expected = values(g.square());
                double[] actual = values(fisher.get(k));
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-6 * (1 + Math.abs(expected[i])), "param " + k + " [" + i + "]");
                }
            }
            assertTrue(values(fisher.get(0)).length > 0 && java.util.Arrays.stream(values(fisher.get(0))).max()
                    .orElse(0) > 0, "the first layer has a non-zero Fisher");
        }
    }

    @Test
    void penaltyAndGradientEqualTheClosedFormOverTwoTasks() {
        try (Experiment e = experiment()) {
            Network net = e.network();
            EwcPlugin ewc = new EwcPlugin(new EwcConfig(LAMBDA, "empirical", 40, false, 1.0));
            ewc.start(e);
            assertEquals(null, ewc.extraLoss(new StepContext(context(e, 0), 0, 0)), "no penalty before any task");
            perturb(net, 1);
            ewc.afterTask(context(e, 0));
            List<double[]> anchor0 = snapshot(net);
            QuadraticPenalty penalty = ewc.penalty();
            List<double[]> fisher0 = new ArrayList<>();
            for (NDArray a : penalty.precision()) {
                fisher0.add(a == null ? null : values(a));
            }
            assertEquals(0.0, ewc.penaltyValue(), 1e-9, "zero at θ*");

            perturb(net, 2);
            ewc.afterTask(context(e, 1));
            List<double[]> anchor1 = snapshot(net);
            List<double[]> fisher1 = new ArrayList<>();
            for (int k = 0; k < fisher0.size(); k++) {
                NDArray a = penalty.precision().get(k);
                if (a == null) {
                    fisher1.add(null);
                    continue;
                }
                double[] sum = values(a);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] -= fisher0.get(k)[i];
                }
                fisher1.add(sum);
            }
            perturb(net, 3);
            List<double[]> theta = snapshot(net);
            double expected = 0;
            List<double[]> expectedGradient = new ArrayList<>();
            for (int k = 0; k < theta.size(); k++) {
                if (fisher0.get(k) == null) {
                    expectedGradient.add(null);
                    continue;
                }
                double[] g = new double[theta.get(k).length];
                for (int i = 0; i < g.length; i++) {
                    double d0 = theta.get(k)[i] - anchor0.get(k)[i];
                    double d1 = theta.get(k)[i] - anchor1.get(k)[i];
                    expected += LAMBDA / 2 * (fisher0.get(k)[i] * d0 * d0 + fisher1.get(k)[i] * d1 * d1);
                    g[i] = LAMBDA * (fisher0.get(k)[i] * d0 + fisher1.get(k)[i] * d1);
                }
                expectedGradient.add(g);
            }
            assertTrue(expected > 0);
            assertEquals(expected, ewc.penaltyValue(), 1e-4 * expected);

            for (Param p : net.parameters()) {
                p.zeroGradient();
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = ewc.extraLoss(new StepContext(context(e, 1), 0, 0));
                assertNotNull(loss);
                collector.backward(loss);
            }
            for (int k = 0; k < theta.size(); k++) {
                if (expectedGradient.get(k) == null) {
                    continue;
                }
                double[] g = values(net.parameters().get(k).gradient());
                double scale = java.util.Arrays.stream(expectedGradient.get(k)).map(Math::abs).max().orElse(0);
                for (int i = 0; i < g.length; i++) {
                    assertEquals(expectedGradient.get(k)[i], g[i], 1e-4 * scale + 1e-9, "param " + k + " [" + i + "]");
                }
            }
        }
    }
}
