package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.config.HatConfig;
import org.plasticity.trainers.run.Progress;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HAT in the task loop on small generated data. With task 0's embeddings set to ±6 (known sets of
 * used units, masks exactly 0 or 1), every weight between units task 0 uses (first layer: every
 * weight into them), their biases and the shared head's weights from them take no step on task 1 —
 * bit for bit, with plain or momentum SGD (created fresh for the task), for BPTT, DSR and OTTT — while
 * other weights move; task 0's logits under its test mask stay put, and task 0's embeddings are
 * unchanged. The slope restarts every epoch; test masks are binary. Short runs through
 * {@link Methods#trainer} on the MLP (every training method) and on the spiking CNN and ResNet-18
 * keep task 0's accuracy.
 */
class HatPluginTest {
    @TempDir
    Path temp;

    private ExperimentConfig mlp(String training, String neuron) {
        return mlp(training, neuron, "16, 12");
    }

    private ExperimentConfig mlp(String training, String neuron, String hidden) {
        Path data = SmallMnist.write(temp.resolve("data"), 600, 100, 3);
        return ExperimentConfigs.parse("""
                { "threads": 2, "seed": 4,
                  "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 2 },
                  "model": { "hidden": [%s], "bias": true, "timesteps": 3, %s },
                  "training": %s,
                  "method": { "type": "finetune", "hat": {} }, "output": { "progress": false } }
                """.formatted(data, hidden, neuron, training), "hat-test", List.of());
    }

    private static final String LIF = "\"neuron\": { \"type\": \"lif\" }";
    private static final String DSR = "\"readout\": \"weighted-rate\", \"neuron\": { \"type\": \"dsr-lif\" }";

    /** Records what task 1 may and may not change, after setting task 0's embeddings to ±6. */
    private static final class Freezer implements ContinualPlugin {
        final HatPlugin hat;
        final List<boolean[]> used = new ArrayList<>();
        final List<List<float[]>> params = new ArrayList<>();
        final List<float[]> logits = new ArrayList<>();
        final List<List<float[]>> embeddings = new ArrayList<>();

        Freezer(HatPlugin hat) {
            this.hat = hat;
        }

        @Override
        public String name() {
            return "freezer";
        }

        @Override
        public void afterTask(TaskContext context) {
            if (context.index() == 0) {
                Random random = new Random(8);
                for (Param e : hat.embeddings().of(0)) {
                    int n = (int) e.value().getShape().get(0);
                    boolean[] on = new boolean[n];
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        on[i] = i == 0 || random.nextBoolean();
                        v[i] = on[i] ? 6 : -6;
                    }
                    e.value().set(FloatBuffer.wrap(v));
                    used.add(on);
                }
            } else {
                record(context);
            }
        }

        @Override
        public void beforeTask(TaskContext context) {
            if (context.index() == 1) {
                record(context);
            }
        }

        private void record(TaskContext context) {
            Network network = context.experiment().network();
            List<float[]> values = new ArrayList<>();
            network.parameters().forEach(p -> values.add(p.value().toFloatArray()));
            params.add(values);
            List<float[]> e = new ArrayList<>();
            hat.embeddings().of(0).forEach(p -> e.add(p.value().toFloatArray()));
            embeddings.add(e);
            Split test = context.experiment().scenario().task(0).test();
            int[] rows = {0, 1, 2, 3, 4, 5, 6, 7};
            float[] x = new float[rows.length * test.dim()];
            test.gather(rows, 0, rows.length, x);
            hat.beforeEvaluation(0);
            try (Gradients.AutoCloseableMode g = Gradients.notRecording(); NetworkModes.Scope m = NetworkModes.eval(network);
                 StepScope scope = StepScope.open()) {
                NDArray batch = context.experiment().manager().create(x, new Shape(rows.length, test.dim()));
                logits.add(network.forward(batch, 0).toFloatArray());
            }
        }
    }

    private void checkTask1LeavesTask0sUnitsAlone(ExperimentConfig config) {
        HatPlugin hat = new HatPlugin(config.method().hat());
        Freezer freezer = new Freezer(hat);
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            new ContinualTrainer(TrainingRegime.FINETUNE, List.of(freezer, hat)).run(e);
            Network network = e.network();
            List<Param> params = network.parameters();
            List<float[]> before = freezer.params.get(0);
            List<float[]> after = freezer.params.get(1);
            boolean[] u1 = freezer.used.get(0);
            boolean[] u2 = freezer.used.get(1);
            List<WeightLayer> layers = network.weightLayers();
            int protectedCount = 0;
            boolean others = false;
            for (int l = 0; l < 3; l++) {
                WeightLayer layer = layers.get(l);
                boolean[] post = l < 2 ? freezer.used.get(l) : null;
                boolean[] pre = l == 0 ? null : freezer.used.get(l - 1);
                int w = params.indexOf(layer.weight());
                int in = layer.fanIn();
                for (int k = 0; k < before.get(w).length; k++) {
                    boolean frozen = (post == null || post[k / in]) && (pre == null || pre[k % in]);
                    if (frozen) {
                        assertEquals(before.get(w)[k], after.get(w)[k], 0, layer.name() + " weight " + k + " is protected");
                        protectedCount++;
                    } else {
                        others |= before.get(w)[k] != after.get(w)[k];
                    }
                }
                int b = params.indexOf(layer.bias());
                for (int k = 0; k < before.get(b).length; k++) {
                    if (post == null || post[k]) {
                        assertEquals(before.get(b)[k], after.get(b)[k], 0, layer.name() + " bias " + k);
                    }
                }
            }
            assertTrue(protectedCount > 0 && u1.length == 16 && u2.length == 12);
            assertTrue(others, "task 1 trains the weights task 0 left free");
            float[] l0 = freezer.logits.get(0);
            float[] l1 = freezer.logits.get(1);
            for (int i = 0; i < l0.length; i++) {
                assertEquals(l0[i], l1[i], 1e-5, "task 0's logit " + i + " under its mask");
            }
            for (int g = 0; g < 2; g++) {
                assertArrayEquals(freezer.embeddings.get(0).get(g), freezer.embeddings.get(1).get(g),
                        "task 0's embedding of gate " + g);
            }
        }
    }

    @Test
    void bpttTask1LeavesTask0sUnitsAlone() {
        checkTask1LeavesTask0sUnitsAlone(mlp("{ \"batchSize\": 16, \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1 } }",
                LIF));
    }

    @Test
    void bpttWithMomentumTask1LeavesTask0sUnitsAlone() {
        checkTask1LeavesTask0sUnitsAlone(mlp("{ \"batchSize\": 16, \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1, "
                + "\"momentum\": 0.9 } }", LIF));
    }

    @Test
    void dsrTask1LeavesTask0sUnitsAlone() {
        checkTask1LeavesTask0sUnitsAlone(mlp("{ \"method\": \"dsr\", \"batchSize\": 16, \"freezeAfterFirstTask\": true, "
                + "\"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1, \"momentum\": 0.9 } }", DSR));
    }

    @Test
    void otttTask1LeavesTask0sUnitsAlone() {
        checkTask1LeavesTask0sUnitsAlone(mlp("{ \"method\": \"ottt\", \"batchSize\": 16, "
                + "\"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1 } }", "\"readout\": \"sum\", " + LIF));
    }

    @Test
    void otttWithOnlineUpdatesTask1LeavesTask0sUnitsAlone() {
        checkTask1LeavesTask0sUnitsAlone(mlp("{ \"method\": \"ottt\", \"onlineUpdate\": true, \"batchSize\": 16, "
                + "\"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1 } }", "\"readout\": \"sum\", " + LIF));
    }

    @Test
    void theSlopeRestartsEveryEpochAndTestMasksAreBinary() {
        ExperimentConfig config = mlp("{ \"batchSize\": 16 }", LIF);
        HatPlugin hat = new HatPlugin(HatConfig.DEFAULTS);
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            hat.start(e);
            TaskContext task = new TaskContext(e, e.scenario().task(0), 0, null);
            hat.beforeTask(task);
            int samples = e.scenario().task(0).train().size();
            int batches = (samples + 15) / 16;
            hat.beforeForward(new StepContext(task, 1, batches));
            assertEquals(0.0025, hat.slope().getFloat(), 1e-9, "batch 0 of epoch 1");
            hat.beforeForward(new StepContext(task, 1, 2L * batches - 1));
            double last = 0.0025 + 399.9975 * 16.0 * (batches - 1) / samples;
            assertEquals(last, hat.slope().getFloat(), 1e-4, "the last batch of epoch 1");
            hat.beforeEvaluation(1);
            try (StepScope scope = StepScope.open()) {
                UnitGate gate = e.network().unitGates().gates().get(0);
                float[] values = gate.apply(e.manager().ones(new Shape(1, gate.width()))).toFloatArray();
                float[] embedding = hat.embeddings().of(1).get(0).value().toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    assertEquals(embedding[i] > 0 ? 1f : 0f, values[i], 0, "unit " + i);
                }
            }
        }
    }

    private RunResult run(ExperimentConfig config) {
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            ContinualTrainer trainer = Methods.trainer(config);
            assertEquals("finetune+hat", trainer.label());
            return trainer.run(e);
        }
    }

    /** Task 0 learned, and its accuracy after task 1 is within one test sample in a hundred of that after task 0. */
    private static void keepsTask0(RunResult r) {
        List<List<Double>> m = r.accMatrix();
        assertTrue(m.get(0).get(0) > 0.3, "task 0 learned: " + m);
        assertEquals(m.get(0).get(0), m.get(1).get(0), 0.01, "task 0 kept: " + m);
        Map<String, Object> d = r.perTask().get(1).diagnostics();
        List<?> used = (List<?>) d.get("hatUnitsUsed");
        assertEquals(((List<?>) d.get("hatGates")).size(), used.size());
        double total = 0;
        for (Object u : used) {
            double fraction = ((Number) u).doubleValue();
            assertTrue(fraction >= 0 && fraction <= 1, "a fraction: " + d);
            total += fraction;
        }
        assertTrue(total > 0, "some units are in use: " + d);
    }

    /**
     * The regulariser's pull on each unit is λ over the number of gated units, so the authors' λ = 0.75, made
     * for thousands of units, closes every gate of a net this small: these runs use λ = 0.05.
     */
    private RunResult runSmallMlp(String training, String neuron) {
        ExperimentConfig c = mlp(training, neuron, "64, 48");
        return run(ExperimentConfigs.parse(ExperimentConfigs.toJson(c), "hat-mlp", List.of("method.hat.lambda=0.05")));
    }

    @Test
    void mlpRunsWithEveryTrainingMethod() {
        String sgd = "\"optimizer\": { \"type\": \"sgd\", \"lr\": 0.5 }";
        keepsTask0(runSmallMlp("{ \"batchSize\": 16, " + sgd + " }", LIF));
        keepsTask0(runSmallMlp("{ \"method\": \"dsr\", \"batchSize\": 16, \"freezeAfterFirstTask\": true }", DSR));
        keepsTask0(runSmallMlp("{ \"method\": \"ottt\", \"batchSize\": 16, " + sgd + " }",
                "\"readout\": \"sum\", " + LIF));
    }

    private ExperimentConfig layered(String model) {
        Path data = SmallMnist.write(temp.resolve("data"), 400, 100, 11);
        return ExperimentConfigs.parse("""
                { "threads": 2, "seed": 5,
                  "data": { "scenario": "split-mnist", "root": "%s", "tasks": 2, "classesPerTask": 2,
                            "incremental": "task" },
                  "model": %s,
                  "training": { "method": "dsr", "batchSize": 16, "freezeAfterFirstTask": true,
                                "optimizer": { "type": "sgd", "lr": 0.05, "momentum": 0.9 } },
                  "method": { "type": "finetune", "hat": {} }, "output": { "progress": false } }
                """.formatted(data, model), "hat-layered-test", List.of());
    }

    @Test
    void cnnRunsAndKeepsTask0() {
        RunResult r = run(layered("{ \"type\": \"cnn\", \"channels\": [4, 8], \"timesteps\": 3, "
                + "\"readout\": \"weighted-rate\", \"neuron\": { \"type\": \"dsr-lif\" } }"));
        keepsTask0(r);
        assertEquals(List.of("conv1", "conv2"), r.perTask().get(0).diagnostics().get("hatGates"));
    }

    @Test
    void resnetRunsAndKeepsTask0() {
        RunResult r = run(layered("{ \"type\": \"resnet18\", \"width\": 2, \"timesteps\": 2, "
                + "\"readout\": \"weighted-rate\", \"neuron\": { \"type\": \"dsr-lif\" } }"));
        keepsTask0(r);
        assertEquals(12, ((List<?>) r.perTask().get(0).diagnostics().get("hatGates")).size());
    }

    @Test
    void aNetworkWithoutHiddenUnitsIsRefused() {
        Path data = SmallMnist.write(temp.resolve("data"), 60, 20, 3);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 2 },
                  "model": { "hidden": [] }, "method": { "type": "finetune", "hat": {} },
                  "output": { "progress": false } }
                """.formatted(data), "hat-no-hidden", List.of());
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            HatPlugin hat = new HatPlugin(config.method().hat());
            org.plasticity.trainers.UserError error = org.junit.jupiter.api.Assertions.assertThrows(
                    org.plasticity.trainers.UserError.class, () -> hat.start(e));
            assertTrue(error.getMessage().startsWith("method.hat"), error.getMessage());
        }
    }
}
