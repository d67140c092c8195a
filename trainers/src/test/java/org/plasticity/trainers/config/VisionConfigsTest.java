package org.plasticity.trainers.config;

import org.junit.jupiter.api.Test;
import org.plasticity.trainers.sweep.SweepExpander;
import org.plasticity.trainers.sweep.SweepRun;
import org.plasticity.trainers.sweep.SweepSpecReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.trainers.VisionConfigFiles.DIR;
import static org.plasticity.trainers.VisionConfigFiles.METHODS;
import static org.plasticity.trainers.VisionConfigFiles.PROTOCOLS;
import static org.plasticity.trainers.VisionConfigFiles.config;

/**
 * The vision protocol configs (configs/vision) and their sweeps: every config reads and validates, every protocol has
 * every method of the paper's tables in full size and fine-tune and HLOP reduced, and each sweep point is exactly the
 * shipped config of its name with its seed, so the sweeps and the single configs cannot drift apart.
 */
class VisionConfigsTest {
    private static final List<Long> SEEDS = List.of(2022L, 2023L, 2024L);

    @Test
    void everyVisionConfigReadsAndIsNamedAfterItsFile() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Path> expected = new ArrayList<>();
        for (String protocol : PROTOCOLS) {
            METHODS.forEach(m -> expected.add(config(protocol, m)));
            expected.add(DIR.resolve(protocol + "-reduced-finetune-dsr.json"));
            expected.add(DIR.resolve(protocol + "-reduced-hlop-dsr.json"));
        }
        assertEquals(expected.stream().sorted().toList(), files, "7 methods + 2 reduced per protocol, nothing else");
        for (Path p : files) {
            ExperimentConfig c = ExperimentConfigs.read(p, List.of());
            String file = p.getFileName().toString();
            assertEquals(file.substring(0, file.length() - ".json".length()), c.name(), "name matches the file");
            assertTrue(file.startsWith(c.data().scenario() + "-"), file + " is named after its scenario");
            assertEquals(2022L, c.seed(), "the reference's seed");
        }
    }

    @Test
    void methodSectionsAreTheMethodsOfTheirNames() {
        for (String protocol : PROTOCOLS) {
            for (String method : METHODS) {
                String label = org.plasticity.trainers.continual.Methods.trainer(
                        ExperimentConfigs.read(config(protocol, method), List.of())).label();
                String expected = switch (method) {
                    case "multitask" -> "multitask";
                    case "hlop-mr" -> "finetune+hlop+mr";
                    case "finetune" -> "finetune";
                    default -> "finetune+" + method;
                };
                assertEquals(expected, label, protocol + "-" + method);
            }
        }
    }

    @Test
    void fullConfigsCarryTheReferenceScriptsSettings() {
        ExperimentConfig cifar = ExperimentConfigs.read(config("split-cifar100", "hlop-mr"), List.of());
        assertEquals(new CosineSchedule(5, 200), cifar.training().schedule());
        assertEquals(200, cifar.training().epochs());
        assertEquals(20, cifar.model().timesteps());
        assertEquals(List.of(6, 100, 200), cifar.method().hlop().initial());
        assertEquals(List.of(2, 20, 40), cifar.method().hlop().increment());
        assertEquals(new MemoryReplayConfig(50, 50, 20, 0.001, new CosineSchedule(0, 20)), cifar.method().memoryReplay());

        ExperimentConfig mini = ExperimentConfigs.read(config("split-miniimagenet", "hlop-mr"), List.of());
        assertEquals("conv5-stride2", ((ResNetModel) mini.model()).stem());
        assertEquals(20, mini.data().tasks());
        assertEquals(new MemoryReplayConfig(5, 5, 20, 0.001, new CosineSchedule(0, 20)), mini.method().memoryReplay());

        ExperimentConfig five = ExperimentConfigs.read(config("five-datasets", "hlop"), List.of());
        assertEquals("conv3", ((ResNetModel) five.model()).stem());
        assertEquals(five.method().hlop().initial(), five.method().hlop().increment(), "every task adds the same");
        // hlop.md §2.7: in the 5th task block5.conv2 (N = 720, layer 11) has 4 x 200 = 800 old neurons
        assertEquals(200, five.method().hlop().increment().get(11));
        assertEquals(0.1, ((SgdOptimizer) five.training().optimizer()).lr(), "lr of task 0");
        assertEquals(0.01, five.training().lrAfterFirstTask(), "lr_continual");

        // spiking_train_miniimagenet.py: lr 0.1 then lr_continual 0.01; hlop_out_num_inc1 before task 6, inc2 after
        ExperimentConfig miniHlop = ExperimentConfigs.read(config("split-miniimagenet", "hlop"), List.of());
        assertEquals(0.1, ((SgdOptimizer) miniHlop.training().optimizer()).lr());
        assertEquals(0.01, miniHlop.training().lrAfterFirstTask());
        HlopConfig h = miniHlop.method().hlop();
        assertEquals(24, h.neuronsAdded(0, 0));
        assertEquals(2, h.neuronsAdded(0, 5));
        assertEquals(0, h.neuronsAdded(0, 6));
        assertEquals(48, h.neuronsAdded(19, 5));
        assertEquals(16, h.neuronsAdded(19, 19));
        int block8 = 0;
        for (int t = 0; t < 20; t++) {
            block8 += h.neuronsAdded(19, t);
        }
        assertEquals(720 + 5 * 48 + 14 * 16, block8, "block 8 conv2 after 20 tasks, within its 1 440 inputs");

        // GPM main_cifar100.py: threshold 0.97 + 0.003 * task_id
        ExperimentConfig gpm = ExperimentConfigs.read(config("split-cifar100", "gpm"), List.of());
        assertEquals(0.97, gpm.method().gpm().threshold(0, 0), 1e-12);
        assertEquals(0.97 + 9 * 0.003, gpm.method().gpm().threshold(2, 9), 1e-12);
    }

    @Test
    void eachSweepPointIsTheShippedConfigOfItsNameWithItsSeed() {
        for (String protocol : PROTOCOLS) {
            Path spec = Path.of("..", "configs", "sweeps", "vision-" + protocol + ".json");
            SweepExpander.Expansion e = SweepExpander.expand(SweepSpecReader.read(spec));
            assertEquals(METHODS.size() * SEEDS.size(), e.runs().size(), spec + ": " + METHODS.size() + " methods x 3 seeds");
            assertEquals(0, e.duplicates());
            int i = 0;
            for (String method : METHODS) {
                for (long seed : SEEDS) {
                    SweepRun run = e.runs().get(i++);
                    ExperimentConfig point = ExperimentConfigs.parse(run.configJson(), spec.toString(), List.of());
                    ExperimentConfig shipped = ExperimentConfigs.read(config(protocol, method), List.of("seed=" + seed));
                    assertEquals(shipped, point, run.label());
                }
            }
        }
    }
}
