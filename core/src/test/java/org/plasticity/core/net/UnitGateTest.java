package org.plasticity.core.net;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.layer.Activity;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.NeuronLayer;
import org.plasticity.core.layer.OnlineNeuronLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.Pool2dLayer;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.neuron.LifNeuron;
import org.plasticity.core.neuron.OnlineLif;
import org.plasticity.core.neuron.Surrogates;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unit gates in every forward pass. An open gate is the identity (the same tensor object, so ungated
 * numbers cannot change). A set gate on a group of units is the same as scaling, by the gate, the
 * input columns of every weight that reads those units — the wiring's {@code pre} side, with a
 * flatten's channel-major repeat for the head — so, with gate values that are powers of two (exact
 * products), a gated network and the ungated one with those columns scaled give the same logits,
 * weight gradients {@code ∂L/∂W[i, j] = ∂L/∂W'[i, j]·a_j}, and gate gradients
 * {@code ∂L/∂a_j = Σ_readers Σ_i ∂L/∂W'[i, j]·W[i, j]}: for the MLP's BPTT, DSR and OTTT passes and for
 * the spiking CNN and ResNet-18. With DSR, the B-row sums through a gate give the per-step form's
 * gradients, the gate's own included.
 */
class UnitGateTest extends EngineFixture {
    private static final int T = 3;
    private static final float[] LEVELS = {0f, 0.25f, 0.5f, 1f};
    private static final DsrForward.Settings DSR = new DsrForward.Settings(0.3, 1, 0.05, 0.3, true, 0.0005);

    @Test
    void anOpenGateIsTheIdentityAndASetOneScalesChannels() {
        try (StepScope scope = StepScope.open()) {
            UnitGate gate = new UnitGate("g", 2);
            NDArray x = manager.arange(8f).reshape(1, 2, 2, 2);
            assertSame(x, gate.apply(x));
            assertSame(x, gate.applyDetached(x));
            List<NDArray> steps = List.of(x, x);
            assertSame(steps, gate.apply(steps));
            Activity a = Activity.timeMajor(x);
            assertSame(a, gate.forward(a, null));
            NDArray values = manager.create(new float[] {0.5f, 2f});
            gate.set(() -> values);
            assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 8, 10, 12, 14}, gate.apply(x).toFloatArray());
            NDArray rows = manager.create(new float[] {1, 1, 3, 3}, new Shape(2, 2));
            assertArrayEquals(new float[] {0.5f, 2, 1.5f, 6}, gate.applyToSum(rows, 5, null).toFloatArray(),
                    "no constant part: the sum is gated as it is");
            gate.open();
            assertTrue(gate.isOpen());
            assertThrows(IllegalArgumentException.class, () -> gate.outputShape(new long[] {3, 4, 4}));
        }
    }

    private static NeuronFactory lif() {
        return ResNet18ShapeTest.lif();
    }

    private static NeuronFactory online() {
        return (name, context) -> new OnlineNeuronLayer(name, new OnlineLif(2, 1, false,
                Surrogates.create("sigmoid", 4, context.constants()), context.constants()));
    }

    private SpikingMlp mlp(ForwardPass.Factory pass) {
        return new SpikingMlp(new MlpSpec(12, List.of(16, 10), true, List.of(4), T), pass, manager, 11);
    }

    private SpikingMlp bpttMlp() {
        return mlp(BpttForward.factory(w -> new LifNeuron(2, 1, false, true, Surrogates.create("sigmoid", 4, c), c),
                new DirectEncoder(), Readout.mean(T)));
    }

    private SpikingMlp dsrMlp() {
        return mlp(DsrForward.factory(DSR, new DirectEncoder(), Readout.weightedRate(T, 1, 0.05)));
    }

    private SpikingMlp otttMlp() {
        return mlp(OnlineForward.factory(new OnlineLif(2, 1, Surrogates.create("sigmoid", 4, c), c), Readout.sum(T)));
    }

    private LayeredNetwork cnn(NeuronFactory neurons, Readout readout) {
        SpikingCnn.Spec spec = new SpikingCnn.Spec(new long[] {1, 8, 8}, List.of(3, 4), Pool2dLayer.Kind.AVG, false,
                List.of(3), true);
        return new LayeredNetwork(new SpikingCnn(spec, neurons), cc -> new DirectEncoder(), readout,
                null, ErrorRoutes.BACKPROP, T, manager, 4);
    }

    private LayeredNetwork resnet(NeuronFactory neurons, Readout readout) {
        SpikingResNet18.Spec spec = new SpikingResNet18.Spec(new long[] {1, 8, 8}, 2, SpikingResNet18.Stem.CONV3,
                List.of(3), true);
        return new LayeredNetwork(new SpikingResNet18(spec, neurons), cc -> new DirectEncoder(), readout, readout,
                ErrorRoutes.BACKPROP, T, manager, 9);
    }

    @Test
    void mlpBpttGateEqualsScaledColumns() {
        checkGateEqualsScaledColumns(this::bpttMlp, 12, false);
    }

    @Test
    void mlpDsrGateEqualsScaledColumns() {
        checkGateEqualsScaledColumns(this::dsrMlp, 12, false);
    }

    @Test
    void mlpOtttGateEqualsScaledColumns() {
        checkGateEqualsScaledColumns(this::otttMlp, 12, true);
    }

    @Test
    void cnnBpttGateEqualsScaledColumnsWithTheFlattenRepeat() {
        checkGateEqualsScaledColumns(() -> cnn(lif(), Readout.mean(T)), 64, false);
    }

    @Test
    void cnnDsrGateEqualsScaledColumns() {
        checkGateEqualsScaledColumns(() -> cnn(RateCollapseTest.dsr(T), Readout.weightedRate(T, 1.0, 0.05)), 64,
                false);
    }

    @Test
    void cnnOtttGateEqualsScaledColumns() {
        checkGateEqualsScaledColumns(() -> cnn(online(), Readout.sum(T)), 64, true);
    }

    @Test
    void resnetDsrGateEqualsScaledColumns() {
        checkGateEqualsScaledColumns(() -> resnet(RateCollapseTest.dsr(T), Readout.weightedRate(T, 1.0, 0.05)), 64,
                false);
    }

    @Test
    void resnetHasAStreamGatePerStageAndAnInnerGatePerBlock() {
        try (LayeredNetwork net = resnet(lif(), Readout.mean(T))) {
            UnitGates gates = net.unitGates();
            List<String> names = new ArrayList<>();
            gates.gates().forEach(g -> names.add(g.name() + ":" + g.width()));
            assertEquals(List.of("stage1:2", "block1:2", "block2:2", "block3:4", "stage2:4", "block4:4", "block5:8",
                    "stage3:8", "block6:8", "block7:16", "stage4:16", "block8:16"), names);
            Map<String, String> wiring = new HashMap<>();
            for (UnitGates.Wiring w : gates.wiring()) {
                wiring.put(w.layer().name(), (w.pre() == null ? "-" : w.pre().name()) + ">" + w.post().name());
            }
            assertEquals(20, gates.wiring().size(), "every body weight layer");
            assertEquals("->stage1", wiring.get("stem"));
            assertEquals("stage1>block1", wiring.get("block1.conv1"));
            assertEquals("block1>stage1", wiring.get("block1.conv2"));
            assertEquals("stage1>block3", wiring.get("block3.conv1"));
            assertEquals("block3>stage2", wiring.get("block3.conv2"));
            assertEquals("stage1>stage2", wiring.get("block3.shortcut"));
            assertEquals("stage3>stage4", wiring.get("block7.shortcut"));
            assertEquals("block8>stage4", wiring.get("block8.conv2"));
            assertEquals("stage4", gates.readout().name());
            assertEquals(1, gates.readoutRepeat());
        }
    }

    @Test
    void dsrGradientsThroughGatesEqualThePerStepForm() {
        for (Supplier<LayeredNetwork> build : List.<Supplier<LayeredNetwork>>of(
                () -> cnn(RateCollapseTest.dsr(T), Readout.weightedRate(T, 1.0, 0.05)),
                () -> resnet(RateCollapseTest.dsr(T), Readout.weightedRate(T, 1.0, 0.05)))) {
            try (LayeredNetwork net = build.get(); StepScope scope = StepScope.open()) {
                NDArray x = manager.randomNormal(0, 2, new Shape(5, 64), DataType.FLOAT32);
                NDArray r = manager.randomNormal(new Shape(5, 3));
                net.features(x, LayerObserver.NONE); // fixed, non-trivial statistics: every layer time-linear
                net.freezeStatistics();
                Map<UnitGate, Param> gateParams = setGates(net, new Random(2), true);
                net.setRateCollapse(true);
                Result fast = run(net, x, r, false, gateParams);
                net.setRateCollapse(false);
                Result exact = run(net, x, r, false, gateParams);
                assertClose(exact.logits, fast.logits, "logits");
                for (String name : exact.grads.keySet()) {
                    assertClose(exact.grads.get(name), fast.grads.get(name), name);
                }
                assertTrue(exact.grads.keySet().stream().anyMatch(n -> n.startsWith("gate.")), "gate gradients");
            }
        }
    }

    /** Logits and gradients by name (parameters, and {@code gate.NAME} for gate values). */
    private record Result(float[] logits, Map<String, float[]> grads) {
    }

    private Result run(Network net, NDArray x, NDArray r, boolean online, Map<UnitGate, Param> gateParams) {
        List<Param> all = new ArrayList<>(net.parameters());
        all.addAll(gateParams.values());
        all.forEach(Param::zeroGradient);
        float[] logits = null;
        if (online) {
            OnlineTraining.Run run = net.online().begin(x);
            for (int t = 0; t < T; t++) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = net.stepLogits(run.next(LayerObserver.NONE), 0);
                    logits = out.toFloatArray();
                    gc.backward(out.mul(r).sum());
                    net.completeGradients();
                }
            }
        } else {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = net.logits(net.features(x, LayerObserver.NONE), 0);
                logits = out.toFloatArray();
                gc.backward(out.mul(r).sum());
            }
        }
        Map<String, float[]> grads = new HashMap<>();
        for (Param p : net.parameters()) {
            grads.put(p.name(), p.gradient() == null ? new float[0] : p.gradient().toFloatArray());
        }
        gateParams.forEach((g, p) -> grads.put("gate." + g.name(), p.gradient().toFloatArray()));
        return new Result(logits, grads);
    }

    /** Sets every gate to values from {0, ¼, ½, 1}; as parameters when {@code withGradient}. */
    private Map<UnitGate, Param> setGates(Network net, Random random, boolean withGradient) {
        Map<UnitGate, Param> params = new IdentityHashMap<>();
        for (UnitGate gate : net.unitGates().gates()) {
            float[] v = levels(random, gate.width());
            NDArray values = StepScope.keep(manager.create(v));
            if (withGradient) {
                Param p = new Param("gate." + gate.name(), values);
                params.put(gate, p);
            }
            gate.set(() -> values);
        }
        return params;
    }

    private static float[] levels(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = LEVELS[random.nextInt(LEVELS.length)];
        }
        return v;
    }

    private void checkGateEqualsScaledColumns(Supplier<Network> build, long inputDim, boolean online) {
        try (Network gated = build.get(); Network scaled = build.get(); StepScope scope = StepScope.open()) {
            NDArray x = manager.randomNormal(0, 2, new Shape(5, inputDim), DataType.FLOAT32);
            NDArray r = manager.randomNormal(new Shape(5, gated.heads().get(0).outFeatures()));
            Map<UnitGate, Param> gateParams = setGates(gated, new Random(2), !online);
            List<UnitGate> gates = gated.unitGates().gates();
            // the readers of each gate in the scaled network, with their input columns' gate values
            List<UnitGates.Wiring> readers = new ArrayList<>(scaled.unitGates().wiring());
            readers.add(scaled.unitGates().head(scaled.heads().get(0)));
            Map<String, float[]> columnScale = new HashMap<>();
            Map<String, float[]> original = new HashMap<>();
            Random replay = new Random(2);
            Map<String, float[]> valuesByGate = new HashMap<>();
            for (UnitGate g : gates) {
                valuesByGate.put(g.name(), levels(replay, g.width()));
            }
            for (UnitGates.Wiring w : readers) {
                if (w.pre() != null) {
                    WeightLayer layer = w.layer();
                    original.put(layer.weight().name(), layer.weight().value().toFloatArray());
                    float[] scale = columns(layer.weight().value().getShape(), valuesByGate.get(w.pre().name()),
                            w.preRepeat());
                    columnScale.put(layer.weight().name(), scale);
                    float[] wv = layer.weight().value().toFloatArray();
                    for (int i = 0; i < wv.length; i++) {
                        wv[i] *= scale[i];
                    }
                    layer.weight().value().set(java.nio.FloatBuffer.wrap(wv));
                }
            }
            Result a = run(gated, x, r, online, gateParams);
            Result b = run(scaled, x, r, online, Map.of());
            assertClose(b.logits, a.logits, "logits");
            double largest = 0;
            for (Param p : scaled.parameters()) {
                float[] expected = b.grads.get(p.name()).clone();
                float[] scale = columnScale.get(p.name());
                for (int i = 0; scale != null && i < expected.length; i++) {
                    expected[i] *= scale[i];
                }
                assertClose(expected, a.grads.get(p.name()), p.name());
                for (float v : expected) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            assertTrue(largest > 0, "some gradient");
            for (UnitGate g : gateParams.keySet()) {
                float[] expected = new float[g.width()];
                for (UnitGates.Wiring w : readers) {
                    if (w.pre() != null && w.pre().name().equals(g.name())) {
                        accumulateGateGradient(expected, b.grads.get(w.layer().weight().name()),
                                original.get(w.layer().weight().name()), w.layer().weight().value().getShape(),
                                w.preRepeat());
                    }
                }
                assertClose(expected, a.grads.get("gate." + g.name()), "gate " + g.name());
            }
        }
    }

    /** The per-element scale of a weight {@code [out, in, ...]} whose input column j is gated by {@code values[j / repeat]}. */
    private static float[] columns(Shape shape, float[] values, int repeat) {
        long out = shape.get(0);
        long in = shape.get(1);
        long inner = shape.size() / (out * in);
        float[] scale = new float[(int) shape.size()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = values[(int) ((i / inner) % in) / repeat];
        }
        return scale;
    }

    /** {@code ∂L/∂a_j += Σ ∂L/∂W'[i, j, ...]·W[i, j, ...]} over the elements of input column j. */
    private static void accumulateGateGradient(float[] into, float[] gradScaled, float[] weight, Shape shape,
                                               int repeat) {
        long out = shape.get(0);
        long in = shape.get(1);
        long inner = shape.size() / (out * in);
        for (int i = 0; i < gradScaled.length; i++) {
            into[(int) ((i / inner) % in) / repeat] += gradScaled[i] * weight[i];
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 1e-3;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * scale, what + "[" + i + "]");
        }
    }

    @Test
    void mlpGatesAreWiredLayerToLayer() {
        try (SpikingMlp net = bpttMlp()) {
            UnitGates gates = net.unitGates();
            assertEquals(List.of("fc1", "fc2"), gates.gates().stream().map(UnitGate::name).toList());
            assertEquals(null, gates.wiring().get(0).pre(), "the data is not gated");
            assertSame(gates.gates().get(0), gates.wiring().get(0).post());
            assertSame(gates.gates().get(0), gates.wiring().get(1).pre());
            assertSame(gates.gates().get(1), gates.readout());
        }
    }
}
