package org.plasticity.trainers.continual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.SmallMnist;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The MLP is unchanged by the move to a network of layers: {@code configs/pmnist-hlop-dsr.json} at a
 * reduced size (3 tasks, 3000 training and 1000 test images per task, one thread) gives bit for bit
 * the accuracy matrix, the per-task losses and HLOP's removed gradient fractions that the code before
 * the redesign gave (the golden file records them and the command that produced them). The projection is
 * pinned to the gradient ({@code method.hlop.projectOn=gradient}), the order of operations of that code: the
 * default projects the hidden layers' input rows, the same gradient up to float rounding ({@code ProjectionSiteTest}),
 * which a chaotic spiking run does not keep bit for bit. Skipped without real MNIST.
 */
class MlpGoldenTest {
    @Test
    void hlopDsrReproducesTheResultBeforeTheRedesign() throws IOException {
        Path root = SmallMnist.realRoot();
        Assumptions.assumeTrue(root != null, "real MNIST not present (run scripts/fetch-data.sh)");
        JsonNode golden;
        try (InputStream in = MlpGoldenTest.class.getResourceAsStream("/golden/pmnist-hlop-dsr-3tasks.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        List<String> overrides = new ArrayList<>();
        golden.get("overrides").forEach(o -> overrides.add(o.asText()));
        overrides.add("data.root=" + root.toAbsolutePath());
        overrides.add("method.hlop.projectOn=gradient");
        ExperimentConfig config = ExperimentConfigs.read(Path.of("..", "configs", "pmnist-hlop-dsr.json"), overrides);
        RunResult result;
        try (Experiment experiment = ExperimentFactory.create(config, null, null, null, Progress.Factory.NONE)) {
            result = Methods.trainer(config).run(experiment);
        }
        JsonNode matrix = golden.get("accMatrix");
        for (int i = 0; i < matrix.size(); i++) {
            for (int j = 0; j < matrix.get(i).size(); j++) {
                JsonNode expected = matrix.get(i).get(j);
                Double actual = result.accMatrix().get(i).get(j);
                if (expected.isNull()) {
                    assertEquals(null, actual, "acc[" + i + "][" + j + "]");
                } else {
                    assertEquals(expected.asDouble(), actual, 0.0, "acc[" + i + "][" + j + "]");
                }
            }
        }
        for (int t = 0; t < result.perTask().size(); t++) {
            RunResult.TaskRecord record = result.perTask().get(t);
            assertEquals(golden.get("finalLoss").get(t).asDouble(), record.finalLoss(), 0.0, "loss of task " + t);
            @SuppressWarnings("unchecked")
            List<Double> removed = (List<Double>) record.diagnostics().get("hlopGradientNormRemoved");
            for (int l = 0; l < removed.size(); l++) {
                assertEquals(golden.get("hlopGradientNormRemoved").get(t).get(l).asDouble(), removed.get(l), 0.0,
                        "removed fraction, task " + t + " layer " + l);
            }
        }
    }
}
