package org.plasticity.core.net;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.layer.Pool2dLayer;
import org.plasticity.core.layer.Conv2dLayer;
import org.plasticity.core.layer.DsrNeuronLayer;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.FlattenLayer;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.WeightInit;
import org.plasticity.core.neuron.DsrLif;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DSR through a convolution (hlop.md §1.1): for {@code conv → DSR neurons → 2×2 average pooling →
 * flatten → head} with a direct-encoded input and the weighted-rate readout, autograd's gradients
 * equal the closed form. With u = ∂L/∂O of one step's output for unit step weight (head and pooling
 * transposed), {@code g_t = c_t·u}, so the current gradient at every step is
 * {@code ∂L/∂I_t = mask·(Σ_t c_t²)·u/τ} with {@code mask = 0 < I < Vth·τ/Δt}; the conv weight gradient is
 * T times the conv's weight gradient for that current gradient (the input is the same at every step),
 * and {@code ∂L/∂Vth = Δt·T·(Σ_t c_t²)·Σ_{I > Vth·τ/Δt} u}.
 */
class DsrConvGradientTest extends EngineFixture {
    private static final int T = 5;
    private static final double TAU = 1.0;
    private static final double DT = 0.05;
    private static final double VTH = 0.3;

    @Test
    void convWeightAndThresholdGradientsEqualTheClosedForm() {
        Readout rate = Readout.weightedRate(T, TAU, DT);
        Conv2dLayer[] conv = new Conv2dLayer[1];
        LinearLayer[] head = new LinearLayer[1];
        Param[] vth = new Param[1];
        Architecture arch = new Architecture() {
            @Override
            public long[] inputShape() {
                return new long[] {1, 4, 4};
            }

            @Override
            public Parts build(NetworkContext context, java.util.SplittableRandom random) {
                conv[0] = new Conv2dLayer(0, "conv1", 1, 2, 3, 1, 1, false, WeightInit.KAIMING_NORMAL_FAN_OUT,
                        context.manager(), random);
                vth[0] = new Param("sn1.vth", context.manager().create(new float[] {(float) VTH}, new Shape()));
                DsrNeuronLayer neurons = new DsrNeuronLayer("sn1", new DsrLif(TAU, DT, 0.3, rate, context.constants()),
                        vth[0], 0.0005, context.constants());
                head[0] = new LinearLayer(1, "head0", 8, 3, true, WeightInit.PYTORCH_DEFAULT, context.manager(), random);
                return new Architecture.Parts(new long[] {1, 4, 4}, List.of(conv[0], neurons,
                        Pool2dLayer.avg("pool1", 2, 2), new FlattenLayer("flatten")), List.of(head[0]));
            }
        };
        try (LayeredNetwork net = new LayeredNetwork(arch, c -> new DirectEncoder(), rate, rate, ErrorRoutes.BACKPROP,
                T, manager, 3); StepScope scope = StepScope.open()) {
            NDArray x = manager.randomNormal(0, 8, new Shape(2, 16), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray r = manager.randomNormal(new Shape(2, 3));
            NDArray w = conv[0].weight().value();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.logits(net.features(x, LayerObserver.NONE), 0);
                gc.backward(logits.mul(r).sum());
            }
            float[] dw = w.getGradient().toFloatArray();
            float dVth = vth[0].value().getGradient().getFloat();

            // closed form
            NDArray image = x.reshape(2, 1, 4, 4);
            NDArray current = conv[0].applyDetached(image);
            double sumC2 = rate.dot(rate);
            NDArray o = manager.zeros(new Shape(2, 2, 4, 4));
            o.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray pooled = ai.djl.nn.pooling.Pool.avgPool2d(o, new Shape(2, 2), new Shape(2, 2),
                        new Shape(0, 0), false, true);
                gc.backward(head[0].applyDetached(pooled.reshape(2, 8)).mul(r).sum());
            }
            NDArray u = o.getGradient().duplicate();
            double upper = VTH * TAU / DT;
            NDArray mask = current.gt(0).logicalAnd(current.lt(upper)).toType(ai.djl.ndarray.types.DataType.FLOAT32,
                    false);
            NDArray currentGrad = mask.mul(u).mul(sumC2 / TAU);
            NDArray w2 = w.stopGradient().duplicate();
            w2.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = ai.djl.nn.convolutional.Conv2d.conv2d(image, w2, null, new Shape(1, 1), new Shape(1, 1),
                        new Shape(1, 1), 1).singletonOrThrow();
                gc.backward(out.mul(currentGrad).sum().mul(T));
            }
            float[] expected = w2.getGradient().toFloatArray();
            double scale = 0;
            for (float e : expected) {
                scale = Math.max(scale, Math.abs(e));
            }
            assertTrue(scale > 0, "some current lies inside the DSR window");
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], dw[i], 1e-5 * scale, "dW[" + i + "]");
            }
            NDArray saturated = current.gt(upper).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            double expectedVth = DT * T * sumC2 * saturated.mul(u).sum().getFloat();
            assertTrue(saturated.sum().getFloat() > 0, "some current saturates");
            assertEquals(expectedVth, dVth, 1e-5 * Math.max(1, Math.abs(expectedVth)), "dL/dVth");
        }
    }
}
