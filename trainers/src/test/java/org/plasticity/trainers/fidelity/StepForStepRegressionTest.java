package org.plasticity.trainers.fidelity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.plasticity.trainers.UserError;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins step-for-step agreement with the HLOP authors' code: the stored dumps (src/test/resources/stepcheck, their
 * README says how they were written) hold the reference's initial state, batches, per-step losses and state after
 * 3 steps of task 0 and, after its merge and growth, 3 steps of task 1, on generated data with a 16-unit MLP (DSR
 * fine-tuning from thresholds next to their bound, so that the bound acts; DSR HLOP with backprop, feedback alignment
 * — the reference's fixed matrices are loaded — and sign-symmetric feedback; BPTT and OTTT HLOP). Each is
 * replayed through {@link StepCheck} with the method's own config and must agree within the comparison's default
 * tolerances — every loss within 1e-4 relative, every tensor within 1e-3 — with no appeal to a noise floor.
 */
class StepForStepRegressionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"dsr-finetune-bound, dsr, finetune, pmnist-finetune-dsr", "dsr-hlop, dsr, hlop, pmnist-hlop-dsr",
            "dsr-fa-hlop, dsr, hlop, pmnist-hlop-dsr-fa", "dsr-ss-hlop, dsr, hlop, pmnist-hlop-dsr-ss",
            "bptt-hlop, bptt, hlop, pmnist-hlop-bptt", "ottt-hlop, ottt, hlop, pmnist-hlop-ottt"})
    void replaysTheReferenceStepForStep(String name, String method, String variant, String config) {
        Path dir = fixture(name);
        ReferenceDump dump = ReferenceDump.read(dir);
        StepComparison c = StepCheck.run(Path.of("..", "configs", config + ".json"), dump,
                List.of("threads=1"), StepComparison.LOSS_TOLERANCE, StepComparison.STATE_TOLERANCE,
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(StepComparison.Verdict.AGREES, c.verdict(), String.join("\n", c.lines()));
        assertEquals(2, c.phases().size());
        java.util.Map<String, Double> mostMoved = new java.util.TreeMap<>();
        for (StepComparison.Phase p : c.phases()) {
            assertEquals(3, p.ours().length);
            for (StepComparison.TensorDiff d : p.tensors()) {
                mostMoved.merge(d.name(), d.changed(), Math::max);
            }
        }
        mostMoved.forEach((tensor, most) -> assertTrue(!tensor.endsWith(".weight") || most > 1e-4, tensor
                + " trained in no task: the check would pass on a network that ignores its batches"));
        if (method.equals("dsr")) {
            double moved = c.phases().get(0).tensors().stream().filter(d -> d.name().equals("sn1.vth"))
                    .mapToDouble(StepComparison.TensorDiff::changed).findFirst().orElseThrow();
            assertTrue(moved > 1e-4, "the fixture must train sn1's threshold in task 0 (it moved " + moved + ")");
        }
        if (name.endsWith("-bound")) {
            float stored = dump.state(dump.phases().get(0).end()).get("sn2.vth").floats()[0];
            assertTrue(stored < 0.0005f, "the fixture must drive sn2's threshold past its bound (stored " + stored + ")");
        }
        if (variant.equals("hlop")) {
            assertTrue(c.phases().get(1).tensors().stream().anyMatch(d -> d.name().equals("hlop1.h") && d.changed() > 0),
                    "HLOP's new rows must learn in task 1");
        }
    }

    @Test
    void aFolderWithoutADumpIsAUserErrorNamingTheManifest(@TempDir Path empty) {
        UserError e = assertThrows(UserError.class, () -> ReferenceDump.read(empty));
        assertTrue(e.getMessage().contains(empty.resolve("manifest.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("stepcheck.sh"), e.getMessage());
    }

    @Test
    void aConfigOfAnotherTrainingMethodIsRefused() {
        String message = refusal("pmnist-hlop-bptt.json");
        assertTrue(message.contains("training.method is bptt") && message.contains("pmnist-hlop-dsr.json"), message);
    }

    @Test
    void aConfigOfAnotherErrorRouteIsRefused() {
        String message = refusal("pmnist-hlop-dsr-fa.json");
        assertTrue(message.contains("training.feedback is feedback-alignment"), message);
    }

    @Test
    void aConfigOfAnotherVariantIsRefused() {
        String message = refusal("pmnist-finetune-dsr.json");
        assertTrue(message.contains("trained hlop"), message);
    }

    /** The user error of checking the DSR-HLOP fixture against another config. */
    private static String refusal(String config) {
        Path dir = fixture("dsr-hlop");
        return assertThrows(UserError.class, () -> StepCheck.run(Path.of("..", "configs", config),
                ReferenceDump.read(dir), List.of("threads=1"), 1e-4, 1e-3,
                new PrintStream(OutputStream.nullOutputStream()))).getMessage();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(StepForStepRegressionTest.class.getResource("/stepcheck/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
