package org.plasticity.core.net;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.layer.DsrNeuronLayer;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.Pool2dLayer;
import org.plasticity.core.neuron.DsrLif;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DSR's B-row sums through time-linear layers give exactly the gradients of the per-step form: for
 * a spiking CNN and a spiking ResNet-18 trained with DSR, with BatchNorm frozen (every layer between
 * two neurons linear: the sums reach every weight) and with BatchNorm in train mode (the sums stop
 * at BatchNorm and the per-step form takes over), every parameter's gradient and the logits agree.
 */
class RateCollapseTest extends EngineFixture {
    private static final int T = 4;

    static NeuronFactory dsr() {
        return dsr(T);
    }

    /** DSR neurons (threshold 0.3, trainable) over {@code timesteps} steps. */
    static NeuronFactory dsr(int timesteps) {
        Readout rate = Readout.weightedRate(timesteps, 1.0, 0.05);
        return (name, context) -> {
            Param vth = new Param(name + ".vth", context.manager().create(new float[] {0.3f}, new Shape()));
            return new DsrNeuronLayer(name, new DsrLif(1.0, 0.05, 0.3, rate, context.constants()), vth, 0.0005,
                    context.constants());
        };
    }

    private static List<float[]> gradients(LayeredNetwork net, NDArray x, NDArray r, boolean collapse, float[] logits) {
        net.setRateCollapse(collapse);
        for (Param p : net.parameters()) {
            p.zeroGradient();
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = net.logits(net.features(x, LayerObserver.NONE), 0);
            System.arraycopy(out.toFloatArray(), 0, logits, 0, logits.length);
            gc.backward(out.mul(r).sum());
        }
        List<float[]> grads = new ArrayList<>();
        for (Param p : net.parameters()) {
            grads.add(p.gradient() == null ? new float[0] : p.gradient().toFloatArray());
        }
        return grads;
    }

    private void check(Architecture arch, long inputSize, boolean frozen) {
        Readout rate = Readout.weightedRate(T, 1.0, 0.05);
        try (LayeredNetwork net = new LayeredNetwork(arch, c -> new DirectEncoder(), rate, rate, ErrorRoutes.BACKPROP,
                T, manager, 9); StepScope scope = StepScope.open()) {
            NDArray x = manager.randomNormal(0, 2, new Shape(6, inputSize), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray r = manager.randomNormal(new Shape(6, 3));
            if (frozen) {
                // fixed, non-trivial statistics first
                net.features(x, LayerObserver.NONE);
                net.freezeStatistics();
            }
            float[] fast = new float[18];
            float[] exact = new float[18];
            List<float[]> a = gradients(net, x, r, true, fast);
            List<float[]> b = gradients(net, x, r, false, exact);
            for (int i = 0; i < fast.length; i++) {
                assertEquals(exact[i], fast[i], 1e-4 * Math.max(1, Math.abs(exact[i])), "logit " + i);
            }
            double largest = 0;
            for (float[] g : b) {
                for (float v : g) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            assertTrue(largest > 0, "some gradient");
            List<Param> params = net.parameters();
            for (int p = 0; p < params.size(); p++) {
                assertEquals(b.get(p).length, a.get(p).length, params.get(p).name());
                double scale = 0;
                for (float v : b.get(p)) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < b.get(p).length; i++) {
                    assertEquals(b.get(p)[i], a.get(p)[i], 1e-4 * Math.max(scale, 1e-3 * largest),
                            params.get(p).name() + "[" + i + "]" + (frozen ? " (frozen BatchNorm)" : ""));
                }
            }
        }
    }

    private static Architecture cnn(Pool2dLayer.Kind pooling) {
        return new SpikingCnn(new SpikingCnn.Spec(new long[] {1, 8, 8}, List.of(3, 4), pooling, false, List.of(3),
                true), dsr());
    }

    private static Architecture resnet() {
        return new SpikingResNet18(new SpikingResNet18.Spec(new long[] {1, 8, 8}, 2, SpikingResNet18.Stem.CONV3,
                List.of(3), true), dsr());
    }

    @Test
    void cnnWithFrozenBatchNorm() {
        check(cnn(Pool2dLayer.Kind.AVG), 64, true);
    }

    @Test
    void cnnInTrainMode() {
        check(cnn(Pool2dLayer.Kind.AVG), 64, false);
    }

    @Test
    void cnnWithMaxPooling() {
        check(cnn(Pool2dLayer.Kind.MAX), 64, true);
    }

    @Test
    void resnetWithFrozenBatchNorm() {
        check(resnet(), 64, true);
    }

    @Test
    void resnetInTrainMode() {
        check(resnet(), 64, false);
    }
}
