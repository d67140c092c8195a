package org.plasticity.trainers.continual;

import ai.djl.ndarray.BaseNDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tensor count and resident memory stay flat over 1000+ real training steps (BPTT and DSR), run as a run
 * runs them: the task's data resident on the device and the losses in the kept loss window; evaluation
 * keeps nothing.
 */
class MemoryFlatTest {
    @TempDir
    Path temp;

    /**
     * Resident memory outside the Java heap (native tensors, engine), in kB. Batches reach the
     * engine through direct buffers that are freed only after a collection, by a cleaner thread,
     * so collect twice with a pause before reading.
     */
    private static long nativeKb() {
        System.gc();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapKb = (rt.totalMemory()) / 1024;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) - heapKb;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return -1;
    }

    private void trainFlat(String overridesJson) throws IOException {
        Path data = SmallMnist.write(temp.resolve("data"), 256, 64, 3);
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "data": { "root": "%s", "tasks": 1 },
                  "model": { "hidden": [64, 64], "timesteps": 4 %s },
                  "training": { "batchSize": 32 %s }, "output": { "progress": false } }
                """.formatted(data, overridesJson, overridesJson.isEmpty() ? "" : ", \"method\": \"dsr\""),
                "memory-test", List.of());
        try (Experiment experiment = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            Task task = experiment.scenario().task(0);
            TrainingSet set = new TrainingSet(List.of(new TrainingSet.Source(task.train(), 0, task.outputs())));
            TaskContext context = new TaskContext(experiment, task, 0, set);
            TrainingStep step = new TrainingStep(experiment.network(), List.of(), false);
            int[] order = ContinualTrainer.order(set.size(), true, 1);
            int steps = 1200;
            int[] samples = new int[steps * 32];
            for (int i = 0; i < steps; i++) {
                System.arraycopy(order, (i * 32) % (set.size() - 32), samples, i * 32, 32);
            }
            BaseNDManager manager = (BaseNDManager) experiment.manager();
            int[] arraysAt100 = {-1};
            long[] rss = new long[5];
            // the steps run as in a run: data resident on the device, losses kept in the device window
            try (Optimizer optimizer = OptimizerFactory.create(config.training().optimizer(),
                    experiment.network().parameters(), experiment.manager());
                 BatchSource batches = DeviceBatches.of(set, List.of(0), experiment.manager(), Long.MAX_VALUE);
                 EpochRunner runner = new EpochRunner(step, batches, 7, experiment.manager())) {
                assertInstanceOf(DeviceBatches.class, batches);
                runner.run(plan(context, samples, steps), 0, optimizer, new EpochRunner.Listener() {
                    @Override
                    public boolean afterStep(int b, int[] members) {
                        if (b == 100) {
                            arraysAt100[0] = manager.getManagedArrays().size();
                        }
                        if (b % 300 == 0) {
                            rss[b / 300] = nativeKb();
                        }
                        return false;
                    }
                });
                assertEquals(arraysAt100[0], manager.getManagedArrays().size(), "arrays must not accumulate");
                rss[4] = nativeKb();
                System.out.println("native resident kB at steps 0/300/600/900/1200: " + java.util.Arrays.toString(rss));
                long growthKb = rss[4] - rss[2];
                // a leak of the step's tensors would grow by megabytes per step (djl.md: ~45 MB/step);
                // the allocator's and cleaner's noise stays within tens of megabytes
                assertTrue(growthKb < 64_000, "native memory grew by " + growthKb + " kB from step 600 to 1200: "
                        + java.util.Arrays.toString(rss));
            }
            // evaluation keeps its test split on the device only while it evaluates
            int arrays = manager.getManagedArrays().size();
            Evaluator evaluator = new Evaluator(experiment.network(), experiment.manager(), 50, Long.MAX_VALUE);
            for (int i = 0; i < 3; i++) {
                evaluator.accuracy(task.test(), 0, Progress.Factory.NONE.start("eval", 0, "sample"));
            }
            assertEquals(arrays, manager.getManagedArrays().size(), "evaluation must not keep arrays");
        }
    }

    /** {@code steps} batches of 32 consecutive samples, with the engine seeded by the step. */
    private static EpochRunner.Plan plan(TaskContext context, int[] samples, int steps) {
        return new EpochRunner.Plan() {
            @Override
            public int batches() {
                return steps;
            }

            @Override
            public StepContext context(int b) {
                return new StepContext(context, 0, b);
            }

            @Override
            public int[] samples() {
                return samples;
            }

            @Override
            public int start(int b) {
                return b * 32;
            }

            @Override
            public long engineSeed(int b) {
                return b;
            }
        };
    }

    @Test
    void bpttStepsKeepMemoryFlat() throws IOException {
        trainFlat("");
    }

    @Test
    void dsrStepsKeepMemoryFlat() throws IOException {
        trainFlat(", \"neuron\": { \"type\": \"dsr-lif\" }, \"readout\": \"weighted-rate\"");
    }
}
