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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped baseline configs run end to end, shrunk to small generated data: their method
 * sections compose (HLOP + MR, GPM + EWC) and each plug-in reports its diagnostics.
 */
class BaselineConfigsTest {
    @TempDir
    Path temp;

    private RunResult run(String config, String... extra) {
        Path data = SmallMnist.write(temp.resolve("data"), 500, 100, 5);
        List<String> overrides = new ArrayList<>(List.of("threads=2", "data.root=" + data, "data.tasks=3",
                "model.hidden=[48,48]", "model.timesteps=4", "output.progress=false"));
        overrides.addAll(List.of(extra));
        ExperimentConfig c = ExperimentConfigs.read(Path.of("..", "configs", config), overrides);
        try (Experiment e = ExperimentFactory.create(c, null, null, null, Progress.Factory.NONE)) {
            ContinualTrainer trainer = Methods.trainer(c);
            RunResult r = trainer.run(e);
            assertEquals(trainer.label(), r.method());
            return r;
        }
    }

    @Test
    void hlopWithMemoryReplayRuns() {
        RunResult r = run("pmnist-hlop-mr-dsr.json", "method.hlop.initial=[20,20,10]",
                "method.hlop.increment=[10,10,5]", "method.memoryReplay.perClass=5", "method.memoryReplay.batchSize=10");
        assertEquals("finetune+hlop+mr", r.method());
        Map<String, Object> d = r.perTask().get(2).diagnostics();
        assertEquals(List.of(40, 40, 20), d.get("hlopSubspaceSizes"));
        assertEquals(150, ((Number) d.get("memoryReplaySamples")).intValue(), "5 per class, 10 classes, 3 tasks");
        assertEquals(5L, ((Number) d.get("memoryReplaySteps")).longValue(), "50 indices in chunks of 10");
        assertEquals(0L, ((Number) r.perTask().get(0).diagnostics().get("memoryReplaySteps")).longValue(),
                "no replay after the first task");
        assertTrue(r.acc() > 0.5, "learns: " + r.acc());
    }

    @Test
    void gpmWithEwcRuns() {
        RunResult r = run("pmnist-gpm-ewc-dsr.json", "method.ewc.samples=20", "method.ewc.lambda=10");
        assertEquals("finetune+gpm+ewc", r.method());
        Map<String, Object> d = r.perTask().get(2).diagnostics();
        List<?> sizes = (List<?>) d.get("gpmBasisSizes");
        assertEquals(3, sizes.size());
        assertTrue(((Number) sizes.get(0)).intValue() > 0, "the input layer's basis grew: " + sizes);
        assertTrue(((List<?>) d.get("ewcFisherMax")).size() > 0);
        List<?> removed = (List<?>) r.perTask().get(1).diagnostics().get("gpmGradientNormRemoved");
        assertTrue(((Number) removed.get(0)).doubleValue() > 0.05, "task 1's gradients were projected: " + removed);
        assertTrue(r.acc() > 0.5, "learns: " + r.acc());
    }

    @Test
    void experienceReplayMixesBufferedSamplesIntoBatches() {
        RunResult r = run("pmnist-er-dsr.json", "method.experienceReplay.size=100");
        assertEquals("finetune+er", r.method());
        Map<String, Object> d0 = r.perTask().get(0).diagnostics();
        Map<String, Object> d2 = r.perTask().get(2).diagnostics();
        assertEquals(100, ((Number) d2.get("experienceReplayBufferSize")).intValue());
        // 8 steps per task (7 of 64, the last 52); a step draws min(ratio × batch, buffer size)
        assertEquals(0 + 64 * 5 + 52 + 64, ((Number) d0.get("experienceReplaySamples")).longValue(),
                "task 0: step 0 finds an empty buffer, then the buffer holds at least 64");
        assertEquals(64L * 7 + 52, ((Number) d2.get("experienceReplaySamples")).longValue(),
                "later tasks draw a full ratio-1 share at every step");
    }
}
