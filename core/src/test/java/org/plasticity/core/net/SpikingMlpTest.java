package org.plasticity.core.net;

import org.plasticity.core.layer.LayerInput;
import org.plasticity.core.layer.LinearLayer;
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
import org.plasticity.core.neuron.LifNeuron;
import org.plasticity.core.neuron.Surrogates;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The performance identities are exact: computing the direct-encoded input layer once, and the
 * classifier on the readout instead of per step, give the same logits and gradients as the
 * straightforward per-step computation.
 */
class SpikingMlpTest extends EngineFixture {
    private static final int T = 5;

    /** Direct encoding presented the naive way: the input repeated T times, time-major. */
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

    private SpikingMlp bptt(Encoder encoder, Readout readout, boolean bias) {
        MlpSpec spec = new MlpSpec(12, List.of(16, 16), bias, List.of(4), T);
        ForwardPass.Factory f = BpttForward.factory(
                w -> new LifNeuron(2, 1, false, true, Surrogates.create("sigmoid", 4, c), c), encoder, readout);
        return new SpikingMlp(spec, f, manager, 11);
    }

    private NDArray batch() {
        Random r = new Random(5);
        float[] x = new float[6 * 12];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 2 + 0.5);
        }
        return manager.create(x, new Shape(6, 12));
    }

    private List<float[]> gradients(SpikingMlp net, NDArray x, float[] logitsOut) {
        List<float[]> grads = new ArrayList<>();
        try (StepScope scope = StepScope.open()) {
            net.parameters().forEach(Param::zeroGradient);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(x, 0);
                System.arraycopy(logits.toFloatArray(), 0, logitsOut, 0, logitsOut.length);
                NDArray loss = logits.logSoftmax(1).get(":, 0").sum().neg();
                gc.backward(loss);
            }
            for (Param p : net.parameters()) {
                grads.add(p.gradient().toFloatArray());
            }
        }
        return grads;
    }

    @Test
    void directInputComputedOnceEqualsTheRepeatedInput() {
        for (Readout readout : List.of(Readout.mean(T), Readout.sum(T), Readout.weightedRate(T, 1, 0.05))) {
            try (SpikingMlp once = bptt(new DirectEncoder(), readout, true);
                 SpikingMlp repeated = bptt(REPEATED, readout, true)) {
                NDArray x = batch();
                float[] l1 = new float[24];
                float[] l2 = new float[24];
                List<float[]> g1 = gradients(once, x, l1);
                List<float[]> g2 = gradients(repeated, x, l2);
                assertArrayEquals(l2, l1, 1e-5f, readout.kind() + " logits");
                boolean anyNonZero = false;
                for (int i = 0; i < g1.size(); i++) {
                    assertArrayEquals(g2.get(i), g1.get(i), 1e-4f, readout.kind() + " gradient of " + once.parameters().get(i));
                    for (float v : g1.get(i)) {
                        anyNonZero |= v != 0;
                    }
                }
                assertTrue(anyNonZero, "gradients must not be trivially zero");
            }
        }
    }

    @Test
    void classifierOnTheReadoutEqualsTheReadoutOfPerStepLogits() {
        try (SpikingMlp net = bptt(new DirectEncoder(), Readout.weightedRate(T, 1, 0.05), true);
             StepScope scope = StepScope.open()) {
            NDArray x = batch();
            List<LayerInput> inputs = new ArrayList<>();
            NDArray logits = net.logits(net.features(x, inputs::add), 0);
            LayerInput classifierInput = inputs.get(inputs.size() - 1);
            assertEquals(2, classifierInput.layer());
            LinearLayer head = net.heads().get(0);
            List<NDArray> perStep = new ArrayList<>();
            for (NDArray s : classifierInput.steps()) {
                perStep.add(head.apply(s));
            }
            NDArray expected = Readout.weightedRate(T, 1, 0.05).apply(perStep, c);
            assertArrayEquals(expected.toFloatArray(), logits.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void initialisationFollowsPyTorchBounds() {
        try (SpikingMlp net = bptt(new DirectEncoder(), Readout.mean(T), true)) {
            float[] w = net.hiddenLayers().get(0).weight().value().toFloatArray();
            double bound = 1 / Math.sqrt(12);
            double max = 0;
            for (float v : w) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max <= bound && max > 0.9 * bound, "max |w| " + max + " vs bound " + bound);
            assertEquals(List.of(16, 12), List.of((int) net.hiddenLayers().get(0).outFeatures(),
                    net.hiddenLayers().get(0).inFeatures()));
        }
    }
}
