package org.plasticity.trainers.continual;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.core.tensor.TorchRuntime;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * HAT's rules against the values of hat.md §5, computed by hand: the slope schedule, the gate, the
 * embedding-gradient compensation, the regulariser, the cumulative mask, the gradient conditions
 * (hidden, first and flattened layers, convolutions), the clamp, the test masks and gradient clipping.
 */
class HatRulesTest {
    private NDManager manager;
    private Constants c;

    @BeforeEach
    void open() {
        TorchRuntime.start(2, 7);
        manager = NDManager.newBaseManager(Device.cpu());
        c = new Constants(manager);
    }

    @AfterEach
    void close() {
        c.close();
        manager.close();
    }

    @Test
    void theSlopeRisesWithTheSampleOffsetOrTheBatchIndex() {
        // N = 640, B = 64: s₀ = 1/400, s₉ = 1/400 + (400 − 1/400)·576/640
        assertEquals(0.0025, HatAnnealing.SAMPLES.slope(400, 0, 10, 64, 640), 1e-15);
        assertEquals(360.00025, HatAnnealing.SAMPLES.slope(400, 9, 10, 64, 640), 1e-9);
        assertEquals(0.0025 + 399.9975 * 0.5, HatAnnealing.SAMPLES.slope(400, 5, 10, 64, 640), 1e-9);
        assertEquals(400, HatAnnealing.BATCHES.slope(400, 9, 10, 64, 640), 1e-12, "the paper's form reaches smax");
        assertEquals(0.0025 + 399.9975 / 9, HatAnnealing.BATCHES.slope(400, 1, 10, 64, 640), 1e-9);
        assertEquals(400, HatAnnealing.BATCHES.slope(400, 0, 1, 64, 10), 1e-12, "one batch: smax");
        assertEquals(HatAnnealing.SAMPLES, HatAnnealing.of("samples"));
    }

    @Test
    void theGateSaturatesAtTheFinalSlope() {
        try (StepScope scope = StepScope.open()) {
            float a = Activation.sigmoid(manager.create(new float[] {0.05f}).mul(c.of(400))).getFloat(0);
            // σ(20) = 1 − 2.06e-9, which float32 rounds to 1
            assertEquals(1 - 2.06e-9, 1 / (1 + Math.exp(-20)), 1e-11);
            assertEquals(1f, a);
        }
    }

    @Test
    void compensationGivesTheGradientOfASlopeOneGateScaledBySmax() {
        try (StepScope scope = StepScope.open()) {
            NDArray one = manager.create(1f);
            assertEquals(400f, HatEmbeddings.compensation(manager.create(new float[] {0.5f}), one, 400, 50, c)
                    .getFloat(0), "(cosh 0.5 + 1)/(cosh 0.5 + 1) = 1 at s = 1");
            assertEquals(14.15376, HatEmbeddings.compensation(manager.create(new float[] {0.01f}),
                    manager.create(400f), 400, 50, c).getFloat(0), 14.15376 * 1e-5, "(cosh 4 + 1)/(cosh 0.01 + 1)");
            // no overflow where s·e is far beyond the clamp
            float far = HatEmbeddings.compensation(manager.create(new float[] {6f}), manager.create(400f), 400, 50, c)
                    .getFloat(0);
            assertEquals((Math.cosh(50) + 1) / (Math.cosh(6) + 1), far, 1e-5 * far);

            // s·e in [−50, 4]: above 4, float32's 1 − σ(s·e) (in σ's own gradient) keeps too few digits for 1e-5
            Random random = new Random(3);
            float s = 37.5f;
            float[] e = new float[50];
            float[] r = new float[50];
            for (int i = 0; i < e.length; i++) {
                e[i] = (float) ((random.nextDouble() * 54 - 50) / s);
                r[i] = (float) random.nextGaussian();
            }
            Param embedding = new Param("e", manager.create(e));
            NDArray slope = manager.create(s);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(Activation.sigmoid(embedding.value().mul(slope)).mul(manager.create(r)).sum());
            }
            float[] compensated = embedding.gradient()
                    .mul(HatEmbeddings.compensation(embedding.value(), slope, 400, 50, c)).toFloatArray();
            for (int i = 0; i < e.length; i++) {
                double expected = r[i] * 400 / (2 + 2 * Math.cosh(e[i]));
                assertEquals(expected, compensated[i], 1e-5 * Math.abs(expected) + 1e-9, "e = " + e[i]);
            }
        }
    }

    private List<UnitGate> gates(int... widths) {
        UnitGates.Builder b = new UnitGates.Builder();
        for (int i = 0; i < widths.length; i++) {
            b.gate("g" + i, widths[i]);
        }
        return b.build().gates();
    }

    @Test
    void theRegulariserIsOneRatioOverAllGates() {
        try (StepScope scope = StepScope.open()) {
            HatMasks masks = new HatMasks(gates(4, 2), List.of(), manager, c);
            List<NDArray> values = List.of(manager.create(new float[] {0.5f, 1, 0, 1}), manager.create(new float[] {0, 1}));
            assertEquals(3.5 / 6, masks.regulariser(values, 1).getFloat(), 1e-7, "first task: Σa / Σn");
            assertEquals(0.75 * 3.5 / 6, masks.regulariser(values, 0.75).getFloat(), 1e-7);
            masks.absorb(List.of(manager.create(new float[] {1, 0, 0, 0}), manager.create(new float[] {1, 0})));
            assertEquals(0.75, masks.regulariser(values, 1).getFloat(), 1e-7, "Σ a(1 − a<) / Σ (1 − a<) = 3/4");
            masks.absorb(List.of(manager.ones(new Shape(4)), manager.ones(new Shape(2))));
            assertNull(masks.regulariser(values, 1), "a full network has no free unit: R = 0");
        }
    }

    @Test
    void theCumulativeMaskIsTheElementwiseMaximum() {
        try (StepScope scope = StepScope.open()) {
            List<UnitGate> g = gates(3);
            HatMasks masks = new HatMasks(g, List.of(), manager, c);
            masks.absorb(List.of(manager.create(new float[] {0.2f, 0.9f, 0})));
            masks.absorb(List.of(manager.create(new float[] {0.5f, 0.1f, 0.003f})));
            assertArrayEquals(new float[] {0.5f, 0.9f, 0.003f}, masks.cumulative(g.get(0)).toFloatArray());
            assertEquals(List.of(1.0 / 3), masks.usedFractions(), "only 0.9 is above ½");
            assertEquals(List.of(2.0 / 3), masks.softFractions(), "0.5 and 0.9 are neither free nor frozen");
        }
    }

    /** A layer whose weight and bias gradients are all ones. */
    private static void onesGradient(LinearLayer layer) {
        layer.parameters().forEach(Param::zeroGradient);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = layer.weight().value().sum();
            gc.backward(layer.bias() == null ? total : total.add(layer.bias().value().sum()));
        }
    }

    @Test
    void gradientsAreConditionedByOneMinusTheSmallerOfPostAndPre() {
        try (StepScope scope = StepScope.open()) {
            UnitGates.Builder b = new UnitGates.Builder();
            UnitGate g1 = b.gate("fc1", 2);
            UnitGate g2 = b.gate("fc2", 3);
            SplittableRandom random = new SplittableRandom(1);
            LinearLayer fc1 = new LinearLayer(0, "fc1", 2, 2, true, org.plasticity.core.layer.WeightInit.PYTORCH_DEFAULT,
                    manager, random);
            LinearLayer fc2 = new LinearLayer(1, "fc2", 2, 3, true, org.plasticity.core.layer.WeightInit.PYTORCH_DEFAULT,
                    manager, random);
            LinearLayer head = new LinearLayer(2, "head", 6, 2, true, org.plasticity.core.layer.WeightInit.PYTORCH_DEFAULT,
                    manager, random);
            UnitGates gates = b.wire(fc1, null, g1).wire(fc2, g1, g2).readout(g1, 3).build();
            HatMasks masks = new HatMasks(gates.gates(), List.of(gates.wiring().get(0), gates.wiring().get(1),
                    gates.head(head)), manager, c);
            for (LinearLayer l : List.of(fc1, fc2, head)) {
                onesGradient(l);
            }
            masks.condition();
            assertArrayEquals(new float[] {1, 1, 1, 1}, fc1.weight().gradient().toFloatArray(), "nothing before task 0 ends");
            masks.absorb(List.of(manager.create(new float[] {1, 0.25f}), manager.create(new float[] {0, 0.5f, 1})));
            for (LinearLayer l : List.of(fc1, fc2, head)) {
                onesGradient(l);
            }
            masks.condition();
            // first layer: whole rows by post only
            assertArrayEquals(new float[] {0, 0, 0.75f, 0.75f}, fc1.weight().gradient().toFloatArray());
            assertArrayEquals(new float[] {0, 0.75f}, fc1.bias().gradient().toFloatArray());
            // W[i, j] ← 1 − min(post_i, pre_j), post = (0, ½, 1), pre = (1, ¼)
            assertArrayEquals(new float[] {1, 1, 0.5f, 0.75f, 0, 0.75f}, fc2.weight().gradient().toFloatArray());
            assertArrayEquals(new float[] {1, 0.5f, 0}, fc2.bias().gradient().toFloatArray());
            // a shared head after a flatten: pre channel-major (1, 1, 1, ¼, ¼, ¼), post = 1, bias frozen
            float[] row = {0, 0, 0, 0.75f, 0.75f, 0.75f};
            float[] both = new float[12];
            System.arraycopy(row, 0, both, 0, 6);
            System.arraycopy(row, 0, both, 6, 6);
            assertArrayEquals(both, head.weight().gradient().toFloatArray());
            assertArrayEquals(new float[] {0, 0}, head.bias().gradient().toFloatArray());
        }
    }

    @Test
    void convolutionKernelsShareTheirChannelPairsCondition() {
        try (StepScope scope = StepScope.open()) {
            NDArray condition = HatMasks.weightCondition(new Shape(2, 3, 2, 2), manager.create(new float[] {1, 0, 0.5f}),
                    manager.create(new float[] {1, 0.25f}), c);
            float[] v = condition.toFloatArray();
            float[] pair = {0, 1, 0.5f, 0.75f, 1, 0.75f};
            for (int i = 0; i < v.length; i++) {
                assertEquals(pair[i / 4], v[i], 0, "element " + i);
            }
        }
    }

    @Test
    void embeddingsAreClampedAndTestMasksAreBinaryOrSoft() {
        try (StepScope scope = StepScope.open()) {
            List<UnitGate> g = gates(4);
            HatEmbeddings embeddings = new HatEmbeddings(g, 2, manager, 5);
            Param e = embeddings.of(1).get(0);
            e.value().set(java.nio.FloatBuffer.wrap(new float[] {-10, -0.001f, 0.002f, 7}));
            embeddings.clamp(1, 6, c);
            assertArrayEquals(new float[] {-6, -0.001f, 0.002f, 6}, e.value().toFloatArray());
            assertArrayEquals(new float[] {0, 0, 1, 1}, HatTestMask.BINARY.of(e.value(), 400, c).toFloatArray());
            float[] soft = HatTestMask.SOFT.of(e.value(), 400, c).toFloatArray();
            assertEquals(1 / (1 + Math.exp(0.4)), soft[1], 1e-6);
            assertEquals(1 / (1 + Math.exp(-0.8)), soft[2], 1e-6);
            assertArrayEquals(new float[] {0, 1}, new float[] {soft[0], soft[3]});
        }
    }

    @Test
    void clippingScalesTheJointNormAndLeavesSmallGradientsBitForBit() {
        try (StepScope scope = StepScope.open()) {
            NDArray a = manager.create(new float[] {3, 0});
            NDArray b = manager.create(new float[] {0, 4});
            GradientClipping.clipNorm(List.of(a, b), 1, c);
            assertArrayEquals(new float[] {0.6f, 0}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0, 0.8f}, b.toFloatArray(), 1e-6f);
            float[] small = {0.1234567f, -3.3e-8f};
            NDArray s = manager.create(small);
            GradientClipping.clipNorm(List.of(s), 10000, c);
            assertArrayEquals(small, s.toFloatArray());
        }
    }
}
