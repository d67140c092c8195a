package org.plasticity.core.net;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.NeuronLayer;
import org.plasticity.core.layer.OnlineNeuronLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.Pool2dLayer;
import org.plasticity.core.neuron.LifNeuron;
import org.plasticity.core.neuron.OnlineLif;
import org.plasticity.core.neuron.Surrogates;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OTTT through conv layers. At the first step the online neurons start at rest and their trace equals
 * their spikes, so one online step of a spiking CNN gives exactly the value and the gradients of the
 * same CNN run for one step with BPTT LIF neurons (detached reset). At later steps the weight layers
 * after neurons take their gradient from the trace: the step's gradients differ from the spikes' ones,
 * and evaluation runs all T steps.
 */
class LayeredOnlineTrainingTest extends EngineFixture {
    private static NeuronFactory online() {
        return (name, context) -> new OnlineNeuronLayer(name, new OnlineLif(2, 1, false,
                Surrogates.create("sigmoid", 4, context.constants()), context.constants()));
    }

    private static NeuronFactory bptt() {
        return (name, context) -> new NeuronLayer(name, new LifNeuron(2, 1, false, true,
                Surrogates.create("sigmoid", 4, context.constants()), context.constants()));
    }

    private LayeredNetwork cnn(NeuronFactory neurons, int timesteps) {
        SpikingCnn.Spec spec = new SpikingCnn.Spec(new long[] {1, 8, 8}, List.of(3, 4), Pool2dLayer.Kind.AVG, false,
                List.of(3), true);
        return new LayeredNetwork(new SpikingCnn(spec, neurons), c -> new DirectEncoder(), Readout.sum(timesteps),
                null, ErrorRoutes.BACKPROP, timesteps, manager, 4);
    }

    private static List<float[]> grads(LayeredNetwork net) {
        List<float[]> out = new ArrayList<>();
        for (Param p : net.parameters()) {
            out.add(p.gradient() == null ? new float[0] : p.gradient().toFloatArray());
            p.zeroGradient();
        }
        return out;
    }

    @Test
    void theFirstOnlineStepEqualsOneBpttStep() {
        try (LayeredNetwork onlineNet = cnn(online(), 3); LayeredNetwork bpttNet = cnn(bptt(), 1);
             StepScope scope = StepScope.open()) {
            assertNotNull(onlineNet.online());
            NDArray x = manager.randomNormal(0, 3, new Shape(5, 64), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray r = manager.randomNormal(new Shape(5, 3));
            float[] a;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                OnlineForward.StepOutput out = onlineNet.online().begin(x).next(LayerObserver.NONE);
                NDArray logits = onlineNet.stepLogits(out, 0);
                a = logits.toFloatArray();
                gc.backward(logits.mul(r).sum());
                onlineNet.completeGradients();
            }
            float[] b;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = bpttNet.logits(bpttNet.features(x, LayerObserver.NONE), 0);
                b = logits.toFloatArray();
                gc.backward(logits.mul(r).sum());
            }
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-5 * Math.max(1, Math.abs(b[i])), "logit " + i);
            }
            List<float[]> ga = grads(onlineNet);
            List<float[]> gb = grads(bpttNet);
            double total = 0;
            for (int p = 0; p < ga.size(); p++) {
                for (int i = 0; i < gb.get(p).length; i++) {
                    assertEquals(gb.get(p)[i], ga.get(p)[i], 1e-5 * Math.max(1, Math.abs(gb.get(p)[i])),
                            onlineNet.parameters().get(p).name() + "[" + i + "]");
                    total += Math.abs(gb.get(p)[i]);
                }
            }
            assertTrue(total > 0, "some gradient");
        }
    }

    @Test
    void laterStepsTakeTheWeightGradientFromTheTraceAndEvaluationRunsEveryStep() {
        try (LayeredNetwork net = cnn(online(), 3); StepScope scope = StepScope.open()) {
            NDArray x = manager.randomNormal(0, 3, new Shape(5, 64), ai.djl.ndarray.types.DataType.FLOAT32);
            OnlineTraining.Run run = net.online().begin(x);
            for (int t = 0; t < 3; t++) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    OnlineForward.StepOutput out = run.next(LayerObserver.NONE);
                    assertNotNull(out.trace(), "the classifier's input carries a trace");
                    gc.backward(net.stepLogits(out, 0).sum());
                    net.completeGradients();
                }
            }
            assertEquals(3, run.stepsDone());
            float[] conv2 = net.bodyWeightLayers().get(1).weight().gradient().toFloatArray();
            double norm = 0;
            for (float v : conv2) {
                norm += v * v;
            }
            assertTrue(norm > 0, "conv2 learns from conv1's neurons' trace");
            NDArray features = net.features(x, LayerObserver.NONE);
            assertEquals(new Shape(5, 16), features.getShape(), "4 channels of 2×2");
        }
    }
}
