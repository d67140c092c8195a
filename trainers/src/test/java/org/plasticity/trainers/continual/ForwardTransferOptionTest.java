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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code training.forwardTransfer=false} leaves out the evaluations that only FWT needs (the untrained network on
 * every task, each task before it is trained) and changes nothing else: the measured entries, ACC and BWT are those
 * of the run that measures FWT, bit for bit.
 */
class ForwardTransferOptionTest {
    @TempDir
    Path temp;

    private RunResult run(boolean forwardTransfer) {
        Path data = SmallMnist.write(temp.resolve("data"), 300, 80, 3);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 1, "data": { "root": "%s", "tasks": 3 },
                  "model": { "hidden": [24], "timesteps": 3, "neuron": { "type": "dsr-lif" }, "readout": "weighted-rate" },
                  "training": { "method": "dsr", "batchSize": 16, "evalBatchSize": 32, "forwardTransfer": %s },
                  "method": { "type": "finetune" }, "output": { "progress": false } }
                """.formatted(data, forwardTransfer), "fwt", List.of());
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            return Methods.trainer(config).run(e);
        }
    }

    @Test
    void withoutForwardTransferOnlyTheTrainedTasksAreEvaluated() {
        RunResult with = run(true);
        RunResult without = run(false);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                Double a = with.accMatrix().get(i).get(j);
                Double b = without.accMatrix().get(i).get(j);
                if (j <= i) {
                    assertEquals(a, b, "acc[" + i + "][" + j + "]");
                } else {
                    assertNull(b, "acc[" + i + "][" + j + "] is not evaluated");
                    assertTrue(j > i + 1 || a != null, "the run with FWT evaluates the next task");
                }
            }
            assertNotNull(with.untrainedAccuracy().get(i));
            assertNull(without.untrainedAccuracy().get(i));
        }
        assertEquals(with.acc(), without.acc(), 0.0);
        assertEquals(with.bwt(), without.bwt(), 0.0);
        assertTrue(Double.isFinite(with.fwt()));
        assertTrue(Double.isNaN(without.fwt()));
    }
}
