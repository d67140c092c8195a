package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.config.GpmConfig;
import org.plasticity.trainers.config.MemoryReplayConfig;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory replay: the memory is the first k per class, and replay steps are not projected. */
class MemoryReplayTest {
    @TempDir
    Path temp;

    @Test
    void theMemoryIsTheFirstKSamplesOfEachClassInFileOrder() {
        int[] labels = {2, 0, 1, 0, 2, 2, 1, 0, 0, 2, 1, 1};
        Split split = Split.of(new float[labels.length], 1, labels);
        assertArrayEquals(new int[] {1, 3, 2, 6, 0, 4}, MemoryReplayPlugin.memoryOf(split, 2));
        assertArrayEquals(new int[] {1, 3, 7, 8, 2, 6, 10, 11, 0, 4, 5, 9}, MemoryReplayPlugin.memoryOf(split, 10),
                "a class with fewer than k samples keeps all of them");
    }

    /** Records the first hidden layer's weight and GPM basis at task boundaries. */
    private static final class Probe implements ContinualPlugin {
        final List<float[]> weights = new ArrayList<>();
        final GpmPlugin gpm;

        Probe(GpmPlugin gpm) {
            this.gpm = gpm;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void beforeTask(TaskContext context) {
            weights.add(context.experiment().network().bodyWeightLayers().get(0).weight().value().toFloatArray());
        }

        @Override
        public void afterTask(TaskContext context) {
            weights.add(context.experiment().network().bodyWeightLayers().get(0).weight().value().toFloatArray());
        }
    }

    private static double fractionInBasis(float[] a, float[] b, DMatrixRMaj basis) {
        return ConvNetworkMethodsTest.fractionInBasis(a, b, basis);
    }

    /**
     * GPM + MR over two tasks: while task 1 trains, the first layer's weight moves orthogonally to
     * the GPM basis of task 0; the replay phase after it moves the weight inside the basis too,
     * because replay gradients bypass the projection.
     */
    @Test
    void replayStepsAreNotProjected() {
        Path data = SmallMnist.write(temp.resolve("data"), 600, 100, 3);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 2 },
                  "model": { "hidden": [40], "timesteps": 3 },
                  "training": { "batchSize": 32, "freezeAfterFirstTask": true },
                  "output": { "progress": false } }
                """.formatted(data), "replay-test", List.of());
        GpmPlugin gpm = new GpmPlugin(new GpmConfig(List.of(0.9, 0.9), 200, 0.0, "auto"), "bptt");
        MemoryReplayPlugin replay = new MemoryReplayPlugin(new MemoryReplayConfig(20, 25, 2, 0.05,
                MemoryReplayConfig.DEFAULTS.schedule()));
        Probe beforeReplay = new Probe(gpm);
        Probe afterReplay = new Probe(gpm);
        List<ContinualPlugin> plugins = List.of(beforeReplay, gpm, replay, afterReplay);
        DMatrixRMaj[] basisAfterTask0 = new DMatrixRMaj[1];
        ContinualPlugin basisProbe = new ContinualPlugin() {
            @Override
            public String name() {
                return "basis";
            }

            @Override
            public void beforeTask(TaskContext context) {
                if (context.index() == 1) {
                    basisAfterTask0[0] = gpm.bases().get(0).basis();
                }
            }
        };
        List<ContinualPlugin> all = new ArrayList<>(plugins);
        all.add(basisProbe);
        RunResult result;
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            result = new ContinualTrainer(TrainingRegime.FINETUNE, all).run(e);
        }
        assertEquals(2, replay.memories().size());
        assertEquals(200, replay.memories().get(0).length, "20 per class, 10 classes");
        assertTrue(basisAfterTask0[0].numCols > 0);
        // beforeReplay: [start 0, end 0 (before GPM), start 1, end 1 (training done, before replay)]
        float[] startTask1 = beforeReplay.weights.get(2);
        float[] endTraining = beforeReplay.weights.get(3);
        float[] endReplay = afterReplay.weights.get(3);
        double projected = fractionInBasis(startTask1, endTraining, basisAfterTask0[0]);
        double replayed = fractionInBasis(endTraining, endReplay, basisAfterTask0[0]);
        assertTrue(projected < 1e-3, "projected training stays orthogonal to the basis: " + projected);
        assertTrue(replayed > 0.05, "replay moves inside the basis: " + replayed);
        assertTrue(((Number) result.perTask().get(1).diagnostics().get("memoryReplaySteps")).longValue() == 16,
                "2 epochs of 8 chunks of 25: " + result.perTask().get(1).diagnostics());
    }
}
