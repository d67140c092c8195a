package org.plasticity.trainers.continual;

import ai.djl.ndarray.BaseNDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.tensor.StepScope;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tensor count and resident memory stay flat over 1000+ real training steps (BPTT and DSR). */
class MemoryFlatTest {
    @TempDir
    Path temp;

    /**
     * Resident memory outside the Java heap (native tensors, engine), in kB. Batches reach the
     * engine through direct buffers that are freed only after a collection, by a cleaner thread,
     * so collect twice with a pause before reading.
     */
    private static long nativeKb() throws IOException {
        System.gc();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapKb = (rt.totalMemory()) / 1024;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) - heapKb;
            }
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
            BatchAssembler assembler = new BatchAssembler(set, experiment.manager());
            TrainingStep step = new TrainingStep(experiment.network(), List.of(), false);
            int[] order = ContinualTrainer.order(set.size(), true, 1);
            BaseNDManager manager = (BaseNDManager) experiment.manager();
            int arraysAt100 = -1;
            long[] rss = new long[5];
            try (Optimizer optimizer = OptimizerFactory.create(config.training().optimizer(),
                    experiment.network().parameters(), experiment.manager())) {
                for (int i = 0; i < 1200; i++) {
                    int from = (i * 32) % (set.size() - 32);
                    try (StepScope scope = StepScope.open()) {
                        step.run(assembler.assemble(order, from, 32), optimizer, new StepContext(context, 0, i));
                    }
                    if (i == 100) {
                        arraysAt100 = manager.getManagedArrays().size();
                    }
                    if (i % 300 == 0) {
                        rss[i / 300] = nativeKb();
                    }
                }
                assertEquals(arraysAt100, manager.getManagedArrays().size(), "arrays must not accumulate");
                rss[4] = nativeKb();
                System.out.println("native resident kB at steps 0/300/600/900/1200: " + java.util.Arrays.toString(rss));
                long growthKb = rss[4] - rss[2];
                // a leak of the step's tensors would grow by megabytes per step (djl.md: ~45 MB/step);
                // the allocator's and cleaner's noise stays within tens of megabytes
                assertTrue(growthKb < 64_000, "native memory grew by " + growthKb + " kB from step 600 to 1200: "
                        + java.util.Arrays.toString(rss));
            }
        }
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
