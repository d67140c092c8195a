package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accuracy counted on the device, from resident or host-built batches, equals a count on the host. */
class EvaluatorTest {
    @TempDir
    Path temp;

    @Test
    void deviceCountEqualsTheHostCountOfOneForwardPass() {
        Path data = SmallMnist.write(temp.resolve("data"), 100, 150, 8);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 1, "data": { "root": "%s", "tasks": 1 },
                  "model": { "hidden": [24], "timesteps": 3 }, "output": { "progress": false } }
                """.formatted(data), "eval-test", List.of());
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            Split test = e.scenario().task(0).test();
            long correct = 0;
            try (Gradients.AutoCloseableMode g = Gradients.notRecording(); NetworkModes.Scope m = NetworkModes.eval(e.network());
                 StepScope scope = StepScope.open()) {
                int[] rows = new int[test.size()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = i;
                }
                float[] x = new float[test.size() * test.dim()];
                test.gather(rows, 0, rows.length, x);
                NDArray logits = e.network().forward(e.manager().create(x, new Shape(test.size(), test.dim())), 0);
                int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < predicted.length; i++) {
                    correct += predicted[i] == test.label(i) ? 1 : 0;
                }
            }
            assertTrue(correct > 0 && correct < test.size(), "an untrained network is neither always right nor wrong");
            Progress none = Progress.Factory.NONE.start("eval", test.size(), "sample");
            // batches of 64 over 150 samples: two full ones and a partial one
            double resident = new Evaluator(e.network(), e.manager(), 64, Long.MAX_VALUE).accuracy(test, 0, none);
            double host = new Evaluator(e.network(), e.manager(), 64, 0).accuracy(test, 0, none);
            assertEquals((double) correct / test.size(), resident, 0.0);
            assertEquals((double) correct / test.size(), host, 0.0);
        }
    }
}
