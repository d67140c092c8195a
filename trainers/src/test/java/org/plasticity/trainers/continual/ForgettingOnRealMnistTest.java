package org.plasticity.trainers.continual;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On real MNIST, three permuted tasks: sequential fine-tuning forgets (BWT clearly negative),
 * joint multitask training does not, and ends clearly more accurate. Skipped without the data
 * (scripts/fetch-data.sh fetches it; CI does).
 */
class ForgettingOnRealMnistTest {
    private static final String HLOP = ", \"hlop\": { \"lr\": [0.001, 0.01, 0.01], \"initial\": [100, 40, 40], "
            + "\"increment\": [60, 25, 25], \"energySamples\": 300 }";

    private static RunResult run(Path root, String method) {
        return run(root, method, "");
    }

    private static RunResult run(Path root, String method, String hlop) {
        ExperimentConfig config = ExperimentConfigs.parse("""
                { "threads": 2, "seed": 2022,
                  "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 3,
                            "trainLimit": 10000, "testLimit": 2000 },
                  "model": { "hidden": [100, 100], "timesteps": 4 },
                  "training": { "epochs": 2, "batchSize": 64, "optimizer": { "type": "sgd", "lr": 0.3 } },
                  "method": { "type": "%s" %s }, "output": { "progress": false } }
                """.formatted(root.toString().replace("\\", "\\\\"), method, hlop), "forgetting-test", List.of());
        try (Experiment experiment = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            return Methods.trainer(config).run(experiment);
        }
    }

    @Test
    void finetuningForgetsAndMultitaskDoesNot() {
        Path root = SmallMnist.realRoot();
        Assumptions.assumeTrue(root != null, "real MNIST not present (run scripts/fetch-data.sh)");
        RunResult finetune = run(root, "finetune");
        RunResult multitask = run(root, "multitask");
        assertTrue(finetune.bwt() < -0.05, "fine-tuning BWT should be clearly negative: " + finetune.bwt());
        assertTrue(multitask.bwt() > -0.02, "multitask BWT should be near zero or positive: " + multitask.bwt());
        assertTrue(multitask.acc() > finetune.acc() + 0.05,
                "multitask ACC " + multitask.acc() + " vs fine-tuning " + finetune.acc());
        assertTrue(finetune.accMatrix().get(0).get(0) > 0.8, "task 0 is learned: " + finetune.accMatrix().get(0));
    }

    /**
     * The baselines on the same three real tasks: GPM nearly stops forgetting, replay (memory and
     * experience) and EWC forget less than fine-tuning.
     */
    @Test
    void baselinesForgetLessThanFinetuning() {
        Path root = SmallMnist.realRoot();
        Assumptions.assumeTrue(root != null, "real MNIST not present (run scripts/fetch-data.sh)");
        RunResult finetune = run(root, "finetune");
        RunResult gpm = run(root, "finetune", ", \"gpm\": { \"threshold\": [0.95, 0.99, 0.99] }");
        RunResult mr = run(root, "finetune", ", \"memoryReplay\": { \"perClass\": 20, \"lr\": 0.1 }");
        RunResult er = run(root, "finetune", ", \"experienceReplay\": { \"size\": 500 }");
        RunResult ewc = run(root, "finetune", ", \"ewc\": { \"lambda\": 10, \"samples\": 200 }");
        String all = "finetune " + finetune.bwt() + ", gpm " + gpm.bwt() + ", mr " + mr.bwt() + ", er " + er.bwt()
                + ", ewc " + ewc.bwt();
        assertTrue(gpm.bwt() > -0.04 && gpm.bwt() > finetune.bwt() + 0.05, all);
        assertTrue(mr.bwt() > finetune.bwt() + 0.01, all);
        assertTrue(er.bwt() > finetune.bwt() + 0.01, all);
        assertTrue(ewc.bwt() > finetune.bwt(), all);
    }

    @Test
    void hlopForgetsClearlyLessThanFinetuning() {
        Path root = SmallMnist.realRoot();
        Assumptions.assumeTrue(root != null, "real MNIST not present (run scripts/fetch-data.sh)");
        RunResult finetune = run(root, "finetune");
        RunResult hlop = run(root, "finetune", HLOP);
        assertTrue(hlop.bwt() > finetune.bwt() + 0.05,
                "HLOP BWT " + hlop.bwt() + " should be far above fine-tuning's " + finetune.bwt());
        assertTrue(hlop.bwt() > -0.04, "HLOP forgets little: " + hlop.bwt());
        assertTrue(hlop.acc() > finetune.acc(), "HLOP ACC " + hlop.acc() + " vs fine-tuning " + finetune.acc());
        assertTrue(((List<?>) hlop.perTask().get(2).diagnostics().get("hlopSubspaceSizes")).size() == 3);
        for (int t = 0; t < 3; t++) {
            List<?> captured = (List<?>) hlop.perTask().get(t).diagnostics().get("hlopEnergyCaptured");
            List<?> principal = (List<?>) hlop.perTask().get(t).diagnostics().get("hlopEnergyPrincipal");
            for (int l = 0; l < 3; l++) {
                double c = (Double) captured.get(l);
                double p = (Double) principal.get(l);
                assertTrue(c <= p + 1e-9, "layer " + l + " of task " + t + ": " + c + " > " + p);
                assertTrue(c > 0.85, "layer " + l + " of task " + t + " holds most of its activity: " + c);
            }
        }
    }
}
