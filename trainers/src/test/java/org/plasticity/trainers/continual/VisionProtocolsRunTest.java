package org.plasticity.trainers.continual;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;
import org.plasticity.datasets.formats.MnistLike;
import org.plasticity.datasets.formats.NumpyPickles;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.VisionConfigFiles;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped vision config (configs/vision, protocol × method) runs two tasks end to end on tiny files written in
 * the data sets' distributed formats — CIFAR-100 binary records, the miniImageNet pickles, CIFAR-10 binary batches and
 * MNIST IDX files for the first two 5-Datasets tasks, one image per class — shrunk through {@code --set} overrides to
 * a tiny network that trains each task in one step. Each run must finish with finite accuracies, one head per task of
 * the protocol's class count, and the counts its method implies: multitask trains task 1 on both tasks' samples,
 * HLOP's subspaces hold initial + increment neurons, memory replay keeps one sample per class and task and takes
 * ⌈memory/batch⌉ steps.
 */
class VisionProtocolsRunTest {
    @TempDir
    static Path temp;

    /**
     * A protocol's tiny version.
     *
     * @param name          the scenario, the configs' prefix
     * @param model         overrides that shrink the network
     * @param hlopInitial   the shrunk subspace sizes of the first task, one per protected layer
     * @param hlopIncrement the shrunk sizes each later task adds
     * @param outputs       classes per task (per-task heads)
     * @param trainSizes    training samples of tasks 0 and 1 in the written files
     */
    record Protocol(String name, List<String> model, List<Integer> hlopInitial, List<Integer> hlopIncrement,
                    int outputs, int[] trainSizes) {
        Path root() {
            return temp.resolve(name);
        }
    }

    private static final List<Integer> RESNET_ONES = Collections.nCopies(20, 1);

    static final List<Protocol> PROTOCOLS = List.of(
            new Protocol("split-cifar100", List.of("model.channels=[4,8,8]"), List.of(3, 4, 4), List.of(1, 2, 2), 10,
                    new int[] {10, 10}),
            new Protocol("split-miniimagenet", List.of("model.width=2"), RESNET_ONES, RESNET_ONES, 5,
                    new int[] {5, 5}),
            new Protocol("five-datasets", List.of("model.width=2"), RESNET_ONES, RESNET_ONES, 10,
                    new int[] {10, 10}));

    /** Replay keeps one sample per class; chunks of this many indices. */
    private static final int REPLAY_BATCH = 5;

    @BeforeAll
    static void writeFiles() {
        // CIFAR-100 binary: one image of each fine label 0..19 (tasks 0 and 1), coarse label fine / 5
        int[] fine = IntStream.range(0, 20).toArray();
        int[] coarse = IntStream.of(fine).map(f -> f / 5).toArray();
        Path cifar = temp.resolve("split-cifar100");
        VisionFixtures.write(cifar.resolve("cifar-100-binary/train.bin"), VisionFixtures.cifarBinary(3, coarse, fine));
        VisionFixtures.write(cifar.resolve("cifar-100-binary/test.bin"), VisionFixtures.cifarBinary(4, coarse, fine));

        // miniImageNet pickles (84x84 HWC): one image of each class of the reference's first two groups
        long[] groups = {79, 76, 83, 5, 35, 57, 22, 96, 67, 58};
        Path mini = temp.resolve("split-miniimagenet");
        VisionFixtures.write(mini.resolve("miniimagenet/train.pkl"),
                VisionFixtures.miniImageNetPickle(NumpyPickles.Style.PROTOCOL4, 1, 84, groups));
        VisionFixtures.write(mini.resolve("miniimagenet/test.pkl"),
                VisionFixtures.miniImageNetPickle(NumpyPickles.Style.PROTOCOL4, 2, 84, groups));

        // 5-Datasets' first two tasks: CIFAR-10 binary batches (batch b holds classes 2b-2 and 2b-1), MNIST IDX
        Path five = temp.resolve("five-datasets");
        for (int b = 1; b <= 5; b++) {
            VisionFixtures.write(five.resolve("cifar-10-batches-bin/data_batch_" + b + ".bin"),
                    VisionFixtures.cifarBinary(b, null, new int[] {2 * b - 2, 2 * b - 1}));
        }
        VisionFixtures.write(five.resolve("cifar-10-batches-bin/test_batch.bin"),
                VisionFixtures.cifarBinary(0, null, IdxFixtures.cyclicLabels(10, 7)));
        IdxFixtures.writeMnistLike(five, MnistLike.MNIST, IdxFixtures.cyclicLabels(10, 3),
                IdxFixtures.cyclicLabels(10, 7), false);
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Protocol p : PROTOCOLS) {
            for (String method : VisionConfigFiles.METHODS) {
                runs.add(Arguments.of(p, method));
            }
        }
        return runs.stream();
    }

    /** One thread: on a busy machine idle OpenMP workers spin, and two threads took ten times the CPU here. */
    private static List<String> overrides(Protocol p, ExperimentConfig shipped) {
        List<String> o = new ArrayList<>(List.of("threads=1", "data.root=" + p.root(), "data.tasks=2",
                "model.timesteps=2", "training.epochs=1", "training.batchSize=10", "training.evalBatchSize=20",
                "output.progress=false"));
        o.addAll(p.model());
        var m = shipped.method();
        if (m.hlop() != null) {
            o.add("method.hlop.initial=" + p.hlopInitial());
            o.add("method.hlop.increment=" + p.hlopIncrement());
        }
        if (m.gpm() != null) {
            o.add("method.gpm.samples=2");
        }
        if (m.ewc() != null) {
            o.add("method.ewc.samples=2");
        }
        if (m.memoryReplay() != null) {
            o.addAll(List.of("method.memoryReplay.perClass=1", "method.memoryReplay.batchSize=" + REPLAY_BATCH,
                    "method.memoryReplay.epochs=1"));
        }
        return o;
    }

    @ParameterizedTest(name = "{0}-{1}")
    @MethodSource("runs")
    void shippedConfigRunsTwoTasksOnFilesInTheDistributedFormat(Protocol p, String method) {
        Path file = VisionConfigFiles.config(p.name(), method);
        ExperimentConfig shipped = ExperimentConfigs.read(file, List.of());
        ExperimentConfig c = ExperimentConfigs.read(file, overrides(p, shipped));
        RunResult r;
        List<Integer> headOutputs = new ArrayList<>();
        try (Experiment e = ExperimentFactory.create(c, null, null, null, Progress.Factory.NONE)) {
            r = Methods.trainer(c).run(e);
            for (LinearLayer head : e.network().heads()) {
                headOutputs.add(head.outputs());
            }
        }
        assertEquals(2, r.tasks());
        assertEquals(List.of(p.outputs(), p.outputs()), headOutputs, "one head per task");
        assertTrue(Double.isFinite(r.acc()) && r.acc() >= 0 && r.acc() <= 1, "ACC " + r.acc());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double a = r.accMatrix().get(i).get(j);
                assertTrue(Double.isFinite(a) && a >= 0 && a <= 1, "acc[" + i + "][" + j + "] = " + a);
            }
        }
        long task1 = r.perTask().get(1).samples();
        assertEquals(method.equals("multitask") ? p.trainSizes()[0] + p.trainSizes()[1] : p.trainSizes()[1], task1,
                "samples trained in task 1");

        Map<String, Object> d = r.perTask().get(1).diagnostics();
        if (shipped.method().hlop() != null) {
            List<Integer> sizes = IntStream.range(0, p.hlopInitial().size())
                    .mapToObj(l -> p.hlopInitial().get(l) + p.hlopIncrement().get(l)).toList();
            assertEquals(sizes, d.get("hlopSubspaceSizes"));
        }
        if (shipped.method().memoryReplay() != null) {
            assertEquals(2 * p.outputs(), ((Number) d.get("memoryReplaySamples")).intValue(), "1 per class and task");
            assertEquals((p.outputs() + REPLAY_BATCH - 1) / REPLAY_BATCH,
                    ((Number) d.get("memoryReplaySteps")).intValue(), "task 0's memory in chunks, one epoch");
        }
        if (shipped.method().gpm() != null) {
            assertEquals(p.hlopInitial().size(), ((List<?>) d.get("gpmBasisSizes")).size(), "one basis per layer");
        }
        if (shipped.method().ewc() != null) {
            ((List<?>) d.get("ewcFisherMax")).forEach(f -> assertTrue(Double.isFinite(((Number) f).doubleValue())));
        }
    }
}
