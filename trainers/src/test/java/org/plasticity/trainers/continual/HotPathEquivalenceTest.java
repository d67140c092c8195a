package org.plasticity.trainers.continual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.layer.Param;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The device-ready hot paths change no number. Each run trains twice: once with every step reading its
 * loss before its update ({@code onNonFinite=skip}, which for a finite run is the stop mode's arithmetic)
 * and every batch built on the host ({@code deviceDataMiB=0}), once with the losses read every 7 steps and
 * the data resident on the device. Accuracy matrix, per-task losses, method diagnostics and every weight
 * must be identical.
 */
class HotPathEquivalenceTest {
    @TempDir
    Path temp;

    private record Outcome(RunResult result, List<float[]> weights) {
    }

    private Outcome run(String model, String training, String method, List<String> overrides) {
        Path data = SmallMnist.write(temp.resolve("data"), 600, 150, 4);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 1, "data": { "root": "%s", "tasks": 2 },
                  "model": { "hidden": [32], "timesteps": 3 %s },
                  "training": { "batchSize": 16, "evalBatchSize": 64 %s },
                  "method": { "type": "finetune" %s },
                  "output": { "progress": false } }
                """.formatted(data, model, training, method), "hot-paths", overrides);
        try (Experiment experiment = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            RunResult result = Methods.trainer(config).run(experiment);
            List<float[]> weights = new ArrayList<>();
            for (Param p : experiment.network().parameters()) {
                weights.add(p.value().toFloatArray());
            }
            return new Outcome(result, weights);
        }
    }

    private void assertSameNumbers(String model, String training, String method) {
        Outcome immediate = run(model, training, method,
                List.of("training.onNonFinite=skip", "training.deviceDataMiB=0"));
        Outcome deferred = run(model, training, method, List.of("training.syncEvery=7"));
        assertEquals(immediate.result().accMatrix(), deferred.result().accMatrix());
        for (int t = 0; t < 2; t++) {
            RunResult.TaskRecord a = immediate.result().perTask().get(t);
            RunResult.TaskRecord b = deferred.result().perTask().get(t);
            assertEquals(a.finalLoss(), b.finalLoss(), 0.0, "loss of task " + t);
            assertEquals(a.diagnostics(), b.diagnostics(), "diagnostics of task " + t);
        }
        for (int k = 0; k < immediate.weights().size(); k++) {
            assertArrayEquals(immediate.weights().get(k), deferred.weights().get(k), 0f, "parameter " + k);
        }
    }

    @Test
    void hlopWithDsr() {
        assertSameNumbers(", \"neuron\": { \"type\": \"dsr-lif\" }, \"readout\": \"weighted-rate\"",
                ", \"method\": \"dsr\", \"freezeAfterFirstTask\": true",
                ", \"hlop\": { \"lr\": [0.001, 0.01], \"initial\": [8, 6], \"increment\": [4, 3] }");
    }

    @Test
    void experienceReplayMixesDeviceAndHostBatches() {
        assertSameNumbers("", "", ", \"experienceReplay\": { \"size\": 40, \"policy\": \"reservoir\", \"ratio\": 0.5 }");
    }

    @Test
    void onlineUpdatesOfOttt() {
        assertSameNumbers(", \"readout\": \"sum\"", ", \"method\": \"ottt\", \"onlineUpdate\": true", "");
    }
}
