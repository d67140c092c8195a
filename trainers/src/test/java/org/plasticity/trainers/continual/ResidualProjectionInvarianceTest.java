package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.config.GpmConfig;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-network consequence of projecting every weight layer of a spiking ResNet-18 (stem, both convs of every
 * block, the three 1×1 shortcuts, residual sums): with BPTT, GPM at energy 1 on one task-0 sample spans every
 * per-step input that sample gives every layer, so task 1 may move each weight only where that sample's inputs are
 * zero. With BatchNorm and thresholds frozen after task 0, every layer then sees the same inputs at every step for
 * that sample, by induction through the residual sums, and the network's features on it must not change, while
 * the features of the other task-0 samples do. A projection that missed a layer, a residual branch or a shortcut
 * would change them.
 */
class ResidualProjectionInvarianceTest {
    private static final int OTHERS = 8;

    @TempDir
    Path temp;

    /** Features of the held sample (row 0) and of {@value #OTHERS} other task-0 training samples, after each task. */
    private static final class FeatureProbe implements ContinualPlugin {
        final List<float[]> features = new ArrayList<>();
        int featureWidth;

        @Override
        public String name() {
            return "feature-probe";
        }

        @Override
        public void afterTask(TaskContext context) {
            Experiment e = context.experiment();
            Split train = e.scenario().task(0).train();
            int[] order = ContinualTrainer.order(train.size(), true, Seeds.derive(e.config().seed(), "gpm", 0));
            int[] samples = new int[1 + OTHERS];
            samples[0] = order[0];
            for (int i = 1; i <= OTHERS; i++) {
                samples[i] = order[order.length - i];
            }
            float[] images = new float[samples.length * train.dim()];
            train.gather(samples, 0, samples.length, images);
            Network network = e.network();
            try (Gradients.AutoCloseableMode g = Gradients.notRecording();
                 NetworkModes.Scope m = NetworkModes.eval(network);
                 StepScope scope = StepScope.open()) {
                NDArray x = e.manager().create(images, new Shape(samples.length, train.dim()));
                NDArray f = network.features(x, LayerObserver.NONE);
                featureWidth = (int) f.getShape().get(1);
                features.add(f.toFloatArray());
            }
        }
    }

    @Test
    void projectedResNetKeepsTheBasisSampleFeaturesExactlyAndMovesTheOthers() {
        Path data = SmallMnist.write(temp.resolve("data"), 400, 50, 9);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "seed": 3,
                  "data": { "scenario": "split-mnist", "root": "%s", "tasks": 2, "classesPerTask": 2,
                            "incremental": "task" },
                  "model": { "type": "resnet18", "width": 8, "timesteps": 2,
                             "neuron": { "type": "lif", "vth": 0.3 } },
                  "training": { "method": "bptt", "batchSize": 16, "freezeAfterFirstTask": true,
                                "optimizer": { "type": "sgd", "lr": 0.2, "momentum": 0.9 } },
                  "method": { "type": "finetune" }, "output": { "progress": false } }
                """.formatted(data), "residual-invariance-test", List.of());
        GpmPlugin gpm = new GpmPlugin(new GpmConfig(java.util.Collections.nCopies(20, 1.0), 1, 0, "gradient"), "bptt");
        FeatureProbe probe = new FeatureProbe();
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            new ContinualTrainer(TrainingRegime.FINETUNE, List.of(gpm, probe)).run(e);
        }
        int w = probe.featureWidth;
        float[] before = probe.features.get(0);
        float[] after = probe.features.get(1);
        double held = relativeChange(before, after, 0, w);
        double othersMin = Double.MAX_VALUE;
        for (int i = 1; i <= OTHERS; i++) {
            othersMin = Math.min(othersMin, relativeChange(before, after, i, w));
        }
        List<Integer> sizes = gpm.bases().stream().map(b -> b.size()).toList();
        List<Integer> dims = gpm.bases().stream().map(b -> b.inputDim()).toList();
        assertTrue(sizes.size() == 20, "stem, 16 block convs, 3 shortcuts: " + sizes);
        int proper = 0;
        for (int l = 0; l < sizes.size(); l++) {
            proper += sizes.get(l) < dims.get(l) ? 1 : 0;
        }
        assertTrue(proper >= 7, "the later layers keep free directions: bases " + sizes + " of " + dims);
        assertTrue(held < 1e-4, "the basis sample's features moved by " + held + " (others: at least " + othersMin + ")");
        assertTrue(othersMin > 100 * Math.max(held, 1e-6),
                "the other samples' features move: at least " + othersMin + " against " + held);
    }

    /** ‖a_i − b_i‖ / ‖a_i‖ for row i of two {@code [n, w]} row-major arrays. */
    private static double relativeChange(float[] a, float[] b, int row, int w) {
        double diff = 0;
        double norm = 0;
        for (int k = 0; k < w; k++) {
            double d = (double) a[row * w + k] - b[row * w + k];
            diff += d * d;
            norm += (double) a[row * w + k] * a[row * w + k];
        }
        assertTrue(norm > 0, "sample " + row + " has features");
        return Math.sqrt(diff / norm);
    }
}
