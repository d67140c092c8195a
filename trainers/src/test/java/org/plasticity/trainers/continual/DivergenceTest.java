package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.CheckpointStore;
import org.plasticity.trainers.DivergenceError;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A NaN in one batch stops the run with its last checkpoint intact, or is skipped on request. */
class DivergenceTest {
    @TempDir
    Path temp;

    /** Adds NaN to the loss of one step of task 1. */
    private static final class NanInjector implements ContinualPlugin {
        @Override
        public String name() {
            return "nan";
        }

        @Override
        public NDArray extraLoss(StepContext context) {
            if (context.task().index() == 1 && context.step() == 12) {
                return context.network().constants().of(Double.NaN);
            }
            return null;
        }
    }

    private RunResult run(String onNonFinite, Path out) {
        return run(onNonFinite, out, 50, 5);
    }

    private RunResult run(String onNonFinite, Path out, int syncEvery, int checkpointEvery) {
        Path data = SmallMnist.write(temp.resolve("data"), 400, 100, 2);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "data": { "root": "%s", "tasks": 2 }, "model": { "hidden": [32], "timesteps": 3 },
                  "training": { "batchSize": 16, "onNonFinite": "%s", "syncEvery": %d },
                  "output": { "progress": false, "checkpointEverySteps": %d } }
                """.formatted(data, onNonFinite, syncEvery, checkpointEvery), "nan-test", List.of());
        try (Experiment e = ExperimentFactory.create(config, ExperimentConfigs.toJson(config), out, null,
                Progress.Factory.NONE)) {
            return new ContinualTrainer(TrainingRegime.FINETUNE, List.of(new NanInjector())).run(e);
        }
    }

    @Test
    void aNanStopsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
        Path out = temp.resolve("stop");
        DivergenceError e = assertThrows(DivergenceError.class, () -> run("stop", out));
        assertTrue(e.getMessage().contains("loss became NaN at task 1, epoch 0, step 12;")
                && e.getMessage().contains("onNonFinite"), e.getMessage());
        Checkpoint last = new CheckpointStore(out.resolve("checkpoints")).latest().orElseThrow();
        long[] position = last.longs("progress/position");
        assertEquals(1, position[0], "last checkpoint is in task 1");
        assertEquals(10, position[3], "taken at step 10, the last multiple of 5 before the NaN at step 12");
        assertFalse(Files.exists(out.resolve("metrics.json")));
    }

    @Test
    void aNanReadAtTheEndOfTheEpochNamesItsStepAndNoLaterStateIsSaved() throws Exception {
        // 25 batches per task, read only at the end of the epoch: the NaN of step 12 is found 12 steps later
        Path out = temp.resolve("late");
        DivergenceError late = assertThrows(DivergenceError.class, () -> run("stop", out, 50, 0));
        Path eager = temp.resolve("eager");
        DivergenceError atOnce = assertThrows(DivergenceError.class, () -> run("stop", eager, 1, 0));
        assertEquals(atOnce.getMessage(), late.getMessage());
        assertTrue(late.getMessage().contains("step 12;"), late.getMessage());
        long[] position = new CheckpointStore(out.resolve("checkpoints")).latest().orElseThrow().longs("progress/position");
        assertEquals(1, position[0], "the checkpoint between the tasks");
        assertEquals(0, position[3], "no checkpoint inside task 1");
    }

    @Test
    void skipModeDropsTheBatchAndFinishes() {
        RunResult r = run("skip", temp.resolve("skip"));
        assertEquals(1L, ((Number) r.perTask().get(1).diagnostics().get("skippedBatches")).longValue());
        assertTrue(Double.isFinite(r.acc()) && r.acc() > 0.3, "training went on: " + r.acc());
    }
}
