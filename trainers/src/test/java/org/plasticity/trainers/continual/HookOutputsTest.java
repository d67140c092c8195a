package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hooks after the forward pass see the step's batch and the network's output (the classifier's input,
 * with its graph): the seam adaptation methods and output-based regularisers build on. Before the
 * forward pass (extra samples, observers) they do not exist yet.
 */
class HookOutputsTest {
    @TempDir
    Path temp;

    @Test
    void extraLossAndAfterBackwardSeeTheBatchAndTheFeatures() {
        Path data = SmallMnist.write(temp.resolve("data"), 200, 50, 2);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 1, "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 1 },
                  "model": { "type": "mlp", "hidden": [12], "timesteps": 2 },
                  "training": { "batchSize": 25 }, "output": { "progress": false } }
                """.formatted(data), "hooks-test", List.of());
        List<String> seen = new ArrayList<>();
        ContinualPlugin probe = new ContinualPlugin() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public int[] extraSamples(StepContext context, int[] batch) {
                assertNull(context.batch());
                return NO_SAMPLES;
            }

            @Override
            public NDArray extraLoss(StepContext context) {
                assertEquals(25, context.batch().size());
                assertEquals(new ai.djl.ndarray.types.Shape(25, 12), context.features().getShape());
                seen.add("loss");
                return null;
            }

            @Override
            public void afterBackward(StepContext context) {
                assertTrue(context.features() != null && context.batch() != null);
                seen.add("backward");
            }

            @Override
            public void afterStep(StepContext context) {
                assertEquals(25, context.batch().size());
                seen.add("step");
            }
        };
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            new ContinualTrainer(TrainingRegime.FINETUNE, List.of(probe)).run(e);
        }
        assertEquals(List.of("loss", "backward", "step"), seen.subList(0, 3));
        assertEquals(3 * 8, seen.size(), "8 steps of 25 samples");
    }
}
