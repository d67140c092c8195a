package org.plasticity.trainers.adapt;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.TorchRuntime;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.ImageDataset;
import org.plasticity.datasets.scenario.ChannelNormalization;
import org.plasticity.datasets.scenario.PixelNormalization;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.datasets.scenario.SplitScenario;
import org.plasticity.trainers.NetworkFactory;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;

/**
 * Small networks for the adaptation methods' tests: a BatchNorm CNN (two conv blocks of 3 and 4 channels) on
 * generated 8×8 grey images of 10 classes, built by the trainers' own factory from a config with an adaptation
 * section, its BatchNorm running statistics set away from their initial values so EVAL and ADAPT differ.
 */
abstract class AdaptFixture {
    static final int SIDE = 8;
    protected NDManager manager;

    @BeforeEach
    void openManager() {
        TorchRuntime.start(2, 7);
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    static ExperimentConfig config(String method, String neuron, int timesteps) {
        String json = """
                {"data": {"scenario": "split-mnist", "tasks": 1, "classesPerTask": 10, "incremental": "class"},
                 "model": {"type": "cnn", "channels": [3, 4], "head": "shared", "timesteps": %d,
                           "neuron": %s},
                 "training": {"method": "bptt"},
                 "adaptation": {"source": "unused", "method": %s}}
                """.formatted(timesteps, neuron, method);
        return ExperimentConfigs.parse(json, "test", List.of());
    }

    static ExperimentConfig config(String method) {
        return config(method, "{\"type\": \"relu\"}", 1);
    }

    static Scenario scenario() {
        Random random = new Random(1);
        int[][] groups = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}};
        return new SplitScenario("split-mnist", new ImageDataset("mnist", 10, images(random, 40), images(random, 20)),
                ChannelNormalization.repeat(PixelNormalization.MNIST, 1), groups, false, null, null);
    }

    private static LabeledImages images(Random random, int n) {
        byte[] pixels = new byte[n * SIDE * SIDE];
        random.nextBytes(pixels);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return new LabeledImages(new ImageSet(pixels, n, SIDE, SIDE), labels);
    }

    Network network(ExperimentConfig config) {
        Network network = NetworkFactory.create(config, scenario(), manager);
        Random random = new Random(9);
        for (Buffer b : network.buffers()) {
            float[] v = b.value().toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = b.name().endsWith("runningVar") ? 0.5f + random.nextFloat() : (float) random.nextGaussian();
            }
            b.value().set(v);
        }
        return network;
    }

    NDArray batch(long seed, int n) {
        Random random = new Random(seed);
        float[] x = new float[n * SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 1.2 + 0.3);
        }
        return manager.create(x, new Shape(n, SIDE * SIDE));
    }

    /** Every parameter's and buffer's values, by name. */
    static List<float[]> state(Network network, java.util.function.Predicate<String> names) {
        List<float[]> out = new ArrayList<>();
        for (Param p : network.parameters()) {
            if (names.test(p.name())) {
                out.add(p.value().toFloatArray());
            }
        }
        for (Buffer b : network.buffers()) {
            if (names.test(b.name())) {
                out.add(b.value().toFloatArray());
            }
        }
        return out;
    }
}
