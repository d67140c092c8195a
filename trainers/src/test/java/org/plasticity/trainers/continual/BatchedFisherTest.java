package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.EwcConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EWC's Fisher from one backward pass per batch ({@link BatchedFisher}) equals the one from a pass per sample, to
 * float rounding: on a DSR MLP (one row per sample), a BPTT MLP with biases (a row per timestep), a DSR and a BPTT
 * CNN (a row per position and timestep), a DSR ResNet-18 (residual sums, strided shortcuts), and for the true
 * Fisher's sampled labels. 40 samples in batches of 16 include a short last batch. Networks with trainable
 * thresholds or BatchNorm take the per-sample passes until those are frozen.
 */
class BatchedFisherTest {
    private static final int SAMPLES = 40;
    private static final String PERMUTED = "\"scenario\": \"permuted-mnist\", \"tasks\": 2";

    @TempDir
    Path temp;

    private Experiment experiment(String model, String training) {
        return experiment(model, training, PERMUTED);
    }

    /** A split-MNIST experiment, as convolutions need images. */
    private Experiment splitExperiment(String model, String training) {
        return experiment(model, training,
                "\"scenario\": \"split-mnist\", \"tasks\": 2, \"classesPerTask\": 2, \"incremental\": \"task\"");
    }

    private Experiment experiment(String model, String training, String scenario) {
        return experiment(model, training, scenario, "");
    }

    /** @param extraTraining more {@code training} members, each with a leading comma */
    private Experiment experiment(String model, String training, String scenario, String extraTraining) {
        Path data = SmallMnist.write(temp.resolve("data"), 300, 50, 4);
        return ExperimentFactory.create(ExperimentConfigs.parse("""
                { "threads": 1, "seed": 3,
                  "data": { "root": "%s", %s },
                  "model": %s,
                  "training": { "method": "%s", "batchSize": 16 %s },
                  "output": { "progress": false } }
                """.formatted(data, scenario, model, training, extraTraining), "batched-fisher-test", List.of()),
                null, null, null, Progress.Factory.NONE);
    }

    private static TaskContext context(Experiment e) {
        List<TrainingSet.Source> sources = new ArrayList<>();
        for (int j = 0; j < e.scenario().numTasks(); j++) {
            Task task = e.scenario().task(j);
            sources.add(new TrainingSet.Source(task.train(), 0, task.outputs()));
        }
        return new TaskContext(e, e.scenario().task(0), 0, new TrainingSet(sources));
    }

    /** Both estimates: the batched one took one pass per batch and equals the per-sample one within 1e-4 of its largest value. */
    private static void assertBatchedEqualsPerSample(Experiment e, boolean trueFisher) {
        Network net = e.network();
        TaskContext context = context(e);
        FisherEstimator.Estimate batched = FisherEstimator.estimate(net, e.manager(), context, SAMPLES, trueFisher,
                e.config().seed());
        FisherEstimator.Estimate perSample = FisherEstimator.estimate(net, e.manager(), context, SAMPLES, trueFisher,
                e.config().seed(), p -> true, false);
        assertEquals(FisherEstimator.Passes.BATCHED, batched.passes());
        assertEquals(3, batched.backwardPasses(), "40 samples in batches of 16");
        assertEquals(FisherEstimator.Passes.PER_SAMPLE, perSample.passes());
        assertEquals(SAMPLES, perSample.backwardPasses());
        List<Param> params = net.parameters();
        int compared = 0;
        for (int k = 0; k < params.size(); k++) {
            NDArray expected = perSample.fisher().get(k);
            if (expected == null) {
                assertEquals(null, batched.fisher().get(k), params.get(k).name());
                continue;
            }
            float[] want = expected.toFloatArray();
            float[] got = batched.fisher().get(k).toFloatArray();
            double scale = 0;
            for (float w : want) {
                scale = Math.max(scale, Math.abs(w));
            }
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-4 * scale, params.get(k).name() + " [" + i + "]");
            }
            if (scale > 0) {
                compared++;
            }
        }
        assertTrue(compared >= 2, "at least two parameters with a non-zero Fisher compared (another task's head has none)");
    }

    /** A convolutional network on split MNIST with its vectors and BatchNorm frozen, as after task 0. */
    private void assertFrozenSplitNetwork(String model, String training) {
        try (Experiment e = splitExperiment(model, training)) {
            ContinualTrainer.freezeAfterFirstTask(e.network());
            assertBatchedEqualsPerSample(e, false);
        }
    }

    @Test
    void dsrMlpOneRowPerSample() {
        try (Experiment e = experiment("""
                { "hidden": [24, 16], "timesteps": 5, "readout": "weighted-rate",
                  "neuron": { "type": "dsr-lif", "trainVth": false } }""", "dsr")) {
            assertBatchedEqualsPerSample(e, false);
        }
    }

    @Test
    void dsrMlpTrueFisherDrawsTheSameLabels() {
        try (Experiment e = experiment("""
                { "hidden": [24], "timesteps": 5, "readout": "weighted-rate",
                  "neuron": { "type": "dsr-lif", "trainVth": false } }""", "dsr")) {
            assertBatchedEqualsPerSample(e, true);
        }
    }

    @Test
    void bpttMlpWithBiasesSumsOverTimesteps() {
        try (Experiment e = experiment("""
                { "hidden": [20], "bias": true, "timesteps": 4, "neuron": { "type": "lif" } }""", "bptt")) {
            assertTrue(e.network().parameters().stream().anyMatch(p -> p.rank() == 1 && p.trainable()),
                    "a trainable bias is compared");
            assertBatchedEqualsPerSample(e, false);
        }
    }

    @Test
    void dsrCnnSumsOverPositions() {
        assertFrozenSplitNetwork("""
                { "type": "cnn", "channels": [3, 4], "timesteps": 3, "readout": "weighted-rate",
                  "neuron": { "type": "dsr-lif" } }""", "dsr");
    }

    @Test
    void bpttCnnSumsOverPositionsAndTimesteps() {
        assertFrozenSplitNetwork("""
                { "type": "cnn", "channels": [3, 4], "timesteps": 2, "neuron": { "type": "lif" } }""", "bptt");
    }

    @Test
    void dsrResNetThroughResidualSumsAndShortcuts() {
        assertFrozenSplitNetwork("""
                { "type": "resnet18", "width": 2, "timesteps": 2, "readout": "weighted-rate",
                  "neuron": { "type": "dsr-lif" } }""", "dsr");
    }

    @Test
    void ewcLeavesOutOfTask0WhatTask1Freezes() {
        try (Experiment e = experiment("""
                { "hidden": [16], "timesteps": 3, "readout": "weighted-rate",
                  "neuron": { "type": "dsr-lif", "trainVth": true } }""", "dsr",
                PERMUTED, ", \"freezeAfterFirstTask\": true")) {
            EwcPlugin ewc = new EwcPlugin(new EwcConfig(25.0, "empirical", SAMPLES, false, 1.0));
            ewc.start(e);
            ewc.afterTask(context(e));
            assertEquals(3, ewc.diagnostics().get("ewcFisherBackwardPasses"), "batched although thresholds train");
            List<Param> params = e.network().parameters();
            for (int k = 0; k < params.size(); k++) {
                boolean weight = params.get(k).rank() > 1;
                assertEquals(weight, ewc.penalty().precision().get(k) != null, params.get(k).name());
            }
        }
    }

    @Test
    void trainableThresholdsTakeOnePassPerSample() {
        try (Experiment e = experiment("""
                { "hidden": [16], "timesteps": 3, "readout": "weighted-rate",
                  "neuron": { "type": "dsr-lif", "trainVth": true } }""", "dsr")) {
            FisherEstimator.Estimate estimate = FisherEstimator.estimate(e.network(), e.manager(), context(e), 10,
                    false, e.config().seed());
            assertEquals(FisherEstimator.Passes.PER_SAMPLE, estimate.passes());
            assertNotNull(estimate.fisher().get(0));
            ContinualTrainer.freezeAfterFirstTask(e.network());
            assertEquals(FisherEstimator.Passes.BATCHED, FisherEstimator.estimate(e.network(), e.manager(),
                    context(e), 10, false, e.config().seed()).passes(), "thresholds frozen: batched");
        }
    }
}
