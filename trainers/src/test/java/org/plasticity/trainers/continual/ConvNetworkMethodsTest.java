package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.plasticity.HebbianSubspace;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.config.GpmConfig;
import org.plasticity.trainers.config.HlopConfig;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The continual-learning methods on a spiking CNN (conv → BatchNorm → DSR neurons → pooling, per-task
 * heads) over two split tasks of generated images: GPM's conv bases are orthonormal in patch space and
 * projected training moves the conv weights orthogonally to them; HLOP's lateral neurons live in patch
 * space ({@code C·k·k}) and, with the old rows orthonormal, the weight update of the next task is
 * orthogonal to them; BatchNorm's statistics and affine parameters stay frozen after the first task;
 * and every other method runs on the CNN.
 */
class ConvNetworkMethodsTest {
    @TempDir
    Path temp;

    private ExperimentConfig config(String method) {
        Path data = SmallMnist.write(temp.resolve("data"), 800, 200, 11);
        return ExperimentConfigs.parse("""
                { "threads": 2, "seed": 5,
                  "data": { "scenario": "split-mnist", "root": "%s", "tasks": 2, "classesPerTask": 2,
                            "incremental": "task" },
                  "model": { "type": "cnn", "channels": [4, 8], "timesteps": 3, "readout": "weighted-rate",
                             "neuron": { "type": "dsr-lif" } },
                  "training": { "method": "dsr", "batchSize": 16, "freezeAfterFirstTask": true,
                                "optimizer": { "type": "sgd", "lr": 0.05, "momentum": 0.0 } },
                  "method": %s, "output": { "progress": false } }
                """.formatted(data, method), "conv-methods-test", List.of());
    }

    /** Records a weight layer's weight and every buffer at the start and end of each task. */
    private static final class Probe implements ContinualPlugin {
        final int layer;
        final List<float[]> weights = new ArrayList<>();
        final List<List<float[]>> buffers = new ArrayList<>();
        final List<List<float[]>> affine = new ArrayList<>();

        Probe(int layer) {
            this.layer = layer;
        }

        @Override
        public String name() {
            return "probe";
        }

        private void record(TaskContext context) {
            var network = context.experiment().network();
            weights.add(network.bodyWeightLayers().get(layer).weight().value().toFloatArray());
            List<float[]> b = new ArrayList<>();
            for (Buffer buffer : network.buffers()) {
                b.add(buffer.value().toFloatArray());
            }
            buffers.add(b);
            List<float[]> a = new ArrayList<>();
            for (Param p : network.parameters()) {
                if (p.name().startsWith("bn")) {
                    a.add(p.value().toFloatArray());
                }
            }
            affine.add(a);
        }

        @Override
        public void beforeTask(TaskContext context) {
            record(context);
        }

        @Override
        public void afterTask(TaskContext context) {
            record(context);
        }
    }

    /** ‖ΔW·M‖ / ‖ΔW‖ for ΔW = b − a as {@code [out, N]} row-major and M {@code [N, K]}. */
    static double fractionInBasis(float[] a, float[] b, DMatrixRMaj basis) {
        int n = basis.numRows;
        int out = a.length / n;
        double inside = 0;
        double total = 0;
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < basis.numCols; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += ((double) b[o * n + i] - a[o * n + i]) * basis.get(i, k);
                }
                inside += dot * dot;
            }
            for (int i = 0; i < n; i++) {
                double d = (double) b[o * n + i] - a[o * n + i];
                total += d * d;
            }
        }
        assertTrue(total > 0, "the weight moved");
        return Math.sqrt(inside / total);
    }

    private RunResult run(ExperimentConfig config, List<ContinualPlugin> plugins) {
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            return new ContinualTrainer(TrainingRegime.FINETUNE, plugins).run(e);
        }
    }

    @Test
    void gpmConvBasesAreOrthonormalAndProjectedTrainingIsOrthogonalToThem() {
        ExperimentConfig config = config("{ \"type\": \"finetune\" }");
        GpmPlugin gpm = new GpmPlugin(new GpmConfig(List.of(0.9, 0.9), 40, 0.0, "auto"), "dsr");
        Probe probe = new Probe(1);
        DMatrixRMaj[] basis = new DMatrixRMaj[1];
        ContinualPlugin basisProbe = new ContinualPlugin() {
            @Override
            public String name() {
                return "basis";
            }

            @Override
            public void beforeTask(TaskContext context) {
                if (context.index() == 1) {
                    basis[0] = gpm.bases().get(1).basis();
                    for (int l = 0; l < 2; l++) {
                        DMatrixRMaj m = gpm.bases().get(l).basis();
                        DMatrixRMaj gram = new DMatrixRMaj(m.numCols, m.numCols);
                        CommonOps_DDRM.multTransA(m, m, gram);
                        for (int i = 0; i < gram.numRows; i++) {
                            for (int j = 0; j < gram.numCols; j++) {
                                assertEquals(i == j ? 1 : 0, gram.get(i, j), 1e-5, "MᵀM of layer " + l);
                            }
                        }
                    }
                }
            }
        };
        run(config, List.of(probe, gpm, basisProbe));
        assertEquals(36, gpm.bases().get(1).inputDim(), "conv2's patches: 4 channels × 3 × 3");
        assertTrue(basis[0].numCols > 0 && basis[0].numCols < 36, "a proper subspace: " + basis[0].numCols);
        double inside = fractionInBasis(probe.weights.get(2), probe.weights.get(3), basis[0]);
        assertTrue(inside < 1e-5, "task 1 moves conv2 orthogonally to the GPM basis of task 0: " + inside);
    }

    /** Orthonormal rows spanning the same space as {@code h [K, N]}, as {@code [N, K]} columns. */
    private static DMatrixRMaj orthonormalColumns(float[] h, int k, int n) {
        DMatrixRMaj t = new DMatrixRMaj(n, k);
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < n; c++) {
                t.set(c, r, h[r * n + c]);
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, k);
        assertTrue(qr.decompose(t));
        return qr.getQ(null, true);
    }

    @Test
    void hlopLearnsInPatchSpaceAndProjectsConvUpdatesOrthogonallyToTheOldSubspace() {
        ExperimentConfig config = config("{ \"type\": \"finetune\" }");
        HlopConfig defaults = HlopConfig.DEFAULTS;
        HlopPlugin hlop = new HlopPlugin(new HlopConfig(List.of(0.01, 0.01), List.of(4, 12), List.of(2, 6),
                defaults.decrementEvery(), 0, defaults.iterations(), defaults.momentum(), defaults.clamp(),
                defaults.startEpoch(), false, defaults.spikingScale(), defaults.spikingTimesteps(), true, null, 1, "auto", 0), "dsr");
        Probe probe = new Probe(1);
        DMatrixRMaj[] old = new DMatrixRMaj[1];
        ContinualPlugin orthonormalise = new ContinualPlugin() {
            @Override
            public String name() {
                return "orthonormalise";
            }

            @Override
            public void beforeTask(TaskContext context) {
                if (context.index() != 1) {
                    return;
                }
                for (int l = 0; l < 2; l++) {
                    HebbianSubspace s = hlop.subspaces().get(l);
                    int k = s.size();
                    int n = s.inputDim();
                    DMatrixRMaj q = orthonormalColumns(s.weights().toFloatArray(), k, n);
                    float[] rows = new float[k * n];
                    for (int r = 0; r < k; r++) {
                        for (int c = 0; c < n; c++) {
                            rows[r * n + c] = (float) q.get(c, r);
                        }
                    }
                    var manager = context.experiment().manager();
                    try (NDArray h = manager.create(rows, new ai.djl.ndarray.types.Shape(k, n));
                         NDArray mom = manager.zeros(new ai.djl.ndarray.types.Shape(k, n))) {
                        s.restore(h, mom, k);
                    }
                    if (l == 1) {
                        old[0] = q;
                    }
                }
            }
        };
        run(config, List.of(probe, orthonormalise, hlop));
        assertEquals(9, hlop.subspaces().get(0).inputDim(), "conv1's patches: 1 channel × 3 × 3");
        assertEquals(36, hlop.subspaces().get(1).inputDim(), "conv2's patches: 4 channels × 3 × 3");
        assertEquals(18, hlop.subspaces().get(1).size(), "12 neurons, then 6 more");
        double inside = fractionInBasis(probe.weights.get(2), probe.weights.get(3), old[0]);
        assertTrue(inside < 1e-5, "task 1 moves conv2 orthogonally to the old lateral subspace: " + inside);
        assertFalse(Float.isNaN(probe.weights.get(3)[0]));
    }

    @Test
    void batchNormIsFrozenAfterTheFirstTask() {
        Probe probe = new Probe(0);
        run(config("{ \"type\": \"finetune\" }"), List.of(probe));
        // [start 0, end 0, start 1, end 1]
        boolean moved = false;
        for (int b = 0; b < probe.buffers.get(0).size(); b++) {
            moved |= !java.util.Arrays.equals(probe.buffers.get(0).get(b), probe.buffers.get(1).get(b));
            assertArrayEquals(probe.buffers.get(2).get(b), probe.buffers.get(3).get(b), "running statistic " + b);
        }
        assertTrue(moved, "task 0 updates the running statistics");
        for (int a = 0; a < probe.affine.get(2).size(); a++) {
            assertArrayEquals(probe.affine.get(2).get(a), probe.affine.get(3).get(a), "BatchNorm affine " + a);
        }
        assertFalse(java.util.Arrays.equals(probe.weights.get(2), probe.weights.get(3)), "conv weights still train");
    }

    @Test
    void otttWithHlopTrainsTheCnnOnline() {
        Path data = SmallMnist.write(temp.resolve("data"), 800, 200, 11);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "seed": 5,
                  "data": { "scenario": "split-mnist", "root": "%s", "tasks": 2, "classesPerTask": 2,
                            "incremental": "task" },
                  "model": { "type": "cnn", "channels": [4, 8], "timesteps": 3, "readout": "sum" },
                  "training": { "method": "ottt", "batchSize": 16, "freezeAfterFirstTask": true,
                                "optimizer": { "type": "sgd", "lr": 0.1, "momentum": 0.0 } },
                  "method": { "type": "finetune", "hlop": { "lr": [0.01, 0.01], "initial": [3, 8],
                              "increment": [1, 4] } },
                  "output": { "progress": false } }
                """.formatted(data), "conv-ottt-test", List.of());
        RunResult r;
        HlopPlugin[] hlop = new HlopPlugin[1];
        try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            ContinualTrainer trainer = Methods.trainer(config);
            hlop[0] = (HlopPlugin) trainer.plugins().stream().filter(p -> p instanceof HlopPlugin).findFirst()
                    .orElseThrow();
            r = trainer.run(e);
        }
        assertTrue(r.accMatrix().get(0).get(0) > 0.75, "task 0 is learned online: " + r.accMatrix());
        assertEquals(36, hlop[0].subspaces().get(1).inputDim(), "lateral neurons in conv2's patch space");
    }

    @Test
    void everyOtherMethodRunsOnTheCnn() {
        Function<String, RunResult> run = method -> {
            ExperimentConfig config = config(method);
            try (Experiment e = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
                return Methods.trainer(config).run(e);
            }
        };
        for (String method : List.of("{ \"type\": \"multitask\" }",
                "{ \"type\": \"finetune\", \"ewc\": { \"lambda\": 10, \"samples\": 50 } }",
                "{ \"type\": \"finetune\", \"memoryReplay\": { \"perClass\": 5, \"lr\": 0.01 } }",
                "{ \"type\": \"finetune\", \"experienceReplay\": { \"size\": 40 } }",
                "{ \"type\": \"finetune\", \"hlop\": { \"lr\": [0.01, 0.01], \"initial\": [3, 8], "
                        + "\"increment\": [1, 4] }, \"memoryReplay\": { \"perClass\": 5 } }")) {
            RunResult r = run.apply(method);
            assertEquals(2, r.perTask().size(), method);
            assertTrue(Double.isFinite(r.acc()) && r.acc() > 0.4, method + ": ACC " + r.acc());
        }
    }
}
