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
 *
 * <p>Bit for bit holds only where PyTorch's CPU kernels round as they did for the golden file: ATen's are pinned to
 * AVX2 for every test JVM (root pom), but MKL chooses its own code path by the processor's vendor, and no MKL setting
 * reproduces the file on an Intel Xeon. So the comparison is exact on the vendor the file names
 * ({@code exactOnVendor}, from {@code /proc/cpuinfo}), and elsewhere within the cross-CPU spread measured on an Intel
 * Xeon against the file: 1.3 points of accuracy, 0.3 % of loss and 0.0013 of a removed fraction, bounded here by
 * {@link #ACC_SPREAD}, {@link #LOSS_SPREAD} and {@link #REMOVED_SPREAD}. A redesign that changes the method moves
 * the removed fractions and losses by far more.
 */
class MlpGoldenTest {
    static final double ACC_SPREAD = 0.02;
    static final double LOSS_SPREAD = 0.01;
    static final double REMOVED_SPREAD = 0.005;

    /** The processor's vendor as /proc/cpuinfo names it, or "" where there is none. */
    static String cpuVendor() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("vendor_id")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

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
        boolean exact = cpuVendor().equals(golden.get("exactOnVendor").asText());
        double accTolerance = exact ? 0.0 : ACC_SPREAD;
        JsonNode matrix = golden.get("accMatrix");
        for (int i = 0; i < matrix.size(); i++) {
            for (int j = 0; j < matrix.get(i).size(); j++) {
                JsonNode expected = matrix.get(i).get(j);
                Double actual = result.accMatrix().get(i).get(j);
                if (expected.isNull()) {
                    assertEquals(null, actual, "acc[" + i + "][" + j + "]");
                } else {
                    assertEquals(expected.asDouble(), actual, accTolerance, "acc[" + i + "][" + j + "]");
                }
            }
        }
        for (int t = 0; t < result.perTask().size(); t++) {
            RunResult.TaskRecord record = result.perTask().get(t);
            double loss = golden.get("finalLoss").get(t).asDouble();
            assertEquals(loss, record.finalLoss(), exact ? 0.0 : LOSS_SPREAD * loss, "loss of task " + t);
            @SuppressWarnings("unchecked")
            List<Double> removed = (List<Double>) record.diagnostics().get("hlopGradientNormRemoved");
            for (int l = 0; l < removed.size(); l++) {
                assertEquals(golden.get("hlopGradientNormRemoved").get(t).get(l).asDouble(), removed.get(l),
                        exact ? 0.0 : REMOVED_SPREAD, "removed fraction, task " + t + " layer " + l);
            }
        }
    }
}
