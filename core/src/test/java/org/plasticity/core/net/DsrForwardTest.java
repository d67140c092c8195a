package org.plasticity.core.net;

import org.plasticity.core.layer.Param;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.encoding.EncodedInput;
import org.plasticity.core.encoding.Encoder;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DsrForwardTest extends EngineFixture {
    private static final int T = 20;
    private static final DsrForward.Settings SETTINGS = new DsrForward.Settings(0.3, 1, 0.05, 0.3, true, 0.0005);

    private static final Encoder REPEATED = new Encoder() {
        @Override
        public EncodedInput encode(NDArray x, int timesteps) {
            return new EncodedInput(null, NDArrays.concat(new NDList(Collections.nCopies(timesteps, x)), 0), timesteps);
        }

        @Override
        public String name() {
            return "repeated";
        }
    };

    private SpikingMlp dsr(Encoder encoder) {
        MlpSpec spec = new MlpSpec(10, List.of(24, 24), false, List.of(3), T);
        return new SpikingMlp(spec, DsrForward.factory(SETTINGS, encoder, Readout.weightedRate(T, 1, 0.05)), manager, 4);
    }

    private NDArray batch() {
        Random r = new Random(9);
        float[] x = new float[5 * 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 3 + 1);
        }
        return manager.create(x, new Shape(5, 10));
    }

    private List<float[]> gradients(SpikingMlp net, NDArray x) {
        List<float[]> grads = new ArrayList<>();
        try (StepScope scope = StepScope.open()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = net.forward(x, 0).logSoftmax(1).get(":, 1").sum().neg();
                gc.backward(loss);
            }
            for (Param p : net.parameters()) {
                grads.add(p.gradient().toFloatArray());
                p.zeroGradient();
            }
        }
        return grads;
    }

    @Test
    void collapsedFirstLayerEqualsThePerStepInput() {
        try (SpikingMlp once = dsr(new DirectEncoder()); SpikingMlp repeated = dsr(REPEATED)) {
            NDArray x = batch();
            List<float[]> a = gradients(once, x);
            List<float[]> b = gradients(repeated, x);
            assertEquals(once.parameters().size(), a.size());
            float total = 0;
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(b.get(i), a.get(i), 2e-4f, "gradient of " + once.parameters().get(i));
                for (float v : a.get(i)) {
                    total += Math.abs(v);
                }
            }
            assertTrue(total > 0);
        }
    }

    @Test
    void thresholdStaysAboveItsBoundAfterAnUpdate() {
        try (SpikingMlp net = dsr(new DirectEncoder())) {
            Param vth = net.parameters().stream().filter(p -> p.name().endsWith("vth")).findFirst().orElseThrow();
            vth.value().subi(manager.create(1f)); // push it far below the bound
            net.afterUpdate();
            assertEquals(0.0005f, vth.value().getFloat(), 1e-9f);
            vth.value().addi(manager.create(0.5f));
            net.afterUpdate();
            assertEquals(0.5005f, vth.value().getFloat(), 1e-6f, "a threshold above the bound is left alone");
        }
    }

    @Test
    void evaluationLeavesOutTheGradientTermsAndKeepsTheValues() {
        // without recording, the forward pass skips the sums that only carry gradients: the features are the
        // weighted rates of the same spikes, equal to the recorded pass's up to the rounding of sg(v − kF) + kF
        SpikingMlp net = dsr(new DirectEncoder());
        NDArray x = batch();
        try (StepScope scope = StepScope.open()) {
            float[] recorded;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                recorded = net.features(x, org.plasticity.core.layer.LayerObserver.NONE).toFloatArray();
            }
            float[] evaluated;
            try (var g = org.plasticity.core.tensor.Gradients.notRecording()) {
                evaluated = net.features(x, org.plasticity.core.layer.LayerObserver.NONE).toFloatArray();
            }
            assertEquals(recorded.length, evaluated.length);
            float largest = 0;
            for (float v : recorded) {
                largest = Math.max(largest, Math.abs(v));
            }
            assertTrue(largest > 0, "some neurons should fire");
            assertArrayEquals(recorded, evaluated, 1e-5f * largest);
        }
    }
}
