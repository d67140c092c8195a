package org.plasticity.trainers.continual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Split scenarios end to end: one head per task (task-incremental), and one shared head. */
class SplitScenarioRunTest {
    @TempDir
    Path temp;

    private RunResult run(String method, String incremental, String head) {
        Path data = SmallMnist.write(temp.resolve("data"), 1500, 400, 4);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "data": { "scenario": "split-mnist", "root": "%s", "tasks": 3, "incremental": "%s" },
                  "model": { "hidden": [32], "timesteps": 3, "head": "%s" },
                  "training": { "batchSize": 16, "epochs": 2, "optimizer": { "type": "sgd", "lr": 0.2 } },
                  "method": { "type": "%s" }, "output": { "progress": false } }
                """.formatted(data, incremental, head, method), "split-test", List.of());
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            assertEquals("task".equals(incremental) ? 3 : 1, e.network().heads().size());
            return Methods.trainer(config).run(e);
        }
    }

    @Test
    void taskIncrementalHeadsLearnEachTwoClassTask() {
        RunResult r = run("finetune", "task", "per-task");
        for (int t = 0; t < 3; t++) {
            assertTrue(r.accMatrix().get(t).get(t) > 0.9, "task " + t + ": " + r.accMatrix().get(t));
        }
        // an untrained two-way head is near chance
        assertTrue(r.untrainedAccuracy().get(1) < 0.8, "untrained " + r.untrainedAccuracy());
    }

    @Test
    void multitaskTrainsEveryHeadInMixedBatches() {
        RunResult r = run("multitask", "task", "per-task");
        for (int j = 0; j < 3; j++) {
            assertTrue(r.accMatrix().get(2).get(j) > 0.9, "final row " + r.accMatrix().get(2));
        }
    }

    @Test
    void classIncrementalSharesOneTenWayHead() {
        RunResult r = run("multitask", "class", "shared");
        assertTrue(r.acc() > 0.8, "joint class-incremental learning of 6 classes: " + r.accMatrix().get(2));
    }
}
