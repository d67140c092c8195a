package org.plasticity.core.neuron;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.net.Readout;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DsrLifTest extends EngineFixture {
    private static final int T = 20;
    private static final double TAU = 1.0;
    private static final double DT = 0.05;
    private static final double ALPHA = 0.3;
    private static final float VTH = 0.3f;

    @Test
    void constantCurrentsGiveTheReferenceSpikeCounts() {
        // hlop.md §1.1: at Vth 0.3, tau 1, T 20, constant I = 0.5 / 2 / 6 / 10 gives 2 / 7 / 20 / 20 spikes
        Readout wfr = Readout.weightedRate(T, TAU, DT);
        DsrLif lif = new DsrLif(TAU, DT, ALPHA, wfr, c);
        try (StepScope scope = StepScope.open()) {
            NDArray current = manager.create(new float[] {0.5f, 2f, 6f, 10f}, new Shape(1, 4));
            NDArray vth = manager.create(new float[] {VTH}, new Shape());
            DsrLif.Output out = lif.run(Collections.nCopies(T, current), current.mul(c.of(T)), vth);
            float[] count = new float[4];
            for (NDArray s : out.spikes()) {
                float[] v = s.toFloatArray();
                for (int i = 0; i < 4; i++) {
                    count[i] += v[i] * DT / VTH; // outputs have amplitude Vth/dt
                }
            }
            assertArrayEquals(new float[] {2, 7, 20, 20}, count, 1e-4f);
            assertEquals(12.9611, sumOfWeights(), 1e-4);
        }
    }

    private static double sumOfWeights() {
        double s = 0;
        for (int t = 1; t <= T; t++) {
            s += Math.exp(-(T * DT - t * DT) / TAU);
        }
        return s;
    }

    @Test
    void inputAndThresholdGradientsEqualTheClosedForm() {
        // One layer, static input x [B, n], W [m, n]; loss = Σ R ⊙ wfr(O) (a weighted-rate readout)
        int b = 3, n = 5, m = 6;
        Random rnd = new Random(3);
        float[] xs = new float[b * n];
        float[] ws = new float[m * n];
        float[] rs = new float[b * m];
        for (int i = 0; i < xs.length; i++) xs[i] = (float) rnd.nextGaussian();
        for (int i = 0; i < ws.length; i++) ws[i] = (float) (rnd.nextGaussian() * 3);
        for (int i = 0; i < rs.length; i++) rs[i] = (float) rnd.nextGaussian();
        Readout wfr = Readout.weightedRate(T, TAU, DT);
        DsrLif lif = new DsrLif(TAU, DT, ALPHA, wfr, c);
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(xs, new Shape(b, n));
            NDArray w = manager.create(ws, new Shape(m, n));
            NDArray vth = manager.create(new float[] {VTH}, new Shape());
            NDArray r = manager.create(rs, new Shape(b, m));
            w.setRequiresGradient(true);
            vth.setRequiresGradient(true);
            float[] current;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray i = x.matMul(w.transpose());
                current = i.toFloatArray();
                DsrLif.Output out = lif.run(Collections.nCopies(T, i.stopGradient()), i.mul(c.of(T)), vth);
                NDArray features = lif.differentiableSum(out, wfr);
                gc.backward(features.mul(r).sum());
            }
            // Reference lif_grad: g_t = c_t·R, G = T·Σ_t c_t g_t = T·Σc²·R; dL/dI_t = mask·G/(τT);
            // dL/dW = Σ_t dL/dI_tᵀ·x = T·(mask·G/(τT))ᵀ·x; dL/dVth = Δt·Σ_{a > Vth·τ/Δt} G
            double sumC2 = 0;
            for (int t = 0; t < T; t++) sumC2 += wfr.coefficient(t) * wfr.coefficient(t);
            double upper = VTH * TAU / DT;
            double[] expectedW = new double[m * n];
            double expectedVth = 0;
            for (int s = 0; s < b; s++) {
                for (int j = 0; j < m; j++) {
                    double a = current[s * m + j];
                    double g = T * sumC2 * rs[s * m + j];
                    double dI = (a > 0 && a < upper) ? g / (TAU * T) : 0;
                    for (int k = 0; k < n; k++) {
                        expectedW[j * n + k] += T * dI * xs[s * n + k];
                    }
                    if (a > upper) {
                        expectedVth += DT * g;
                    }
                }
            }
            float[] gw = w.getGradient().toFloatArray();
            for (int i = 0; i < gw.length; i++) {
                assertEquals(expectedW[i], gw[i], 1e-4 * Math.max(1, Math.abs(expectedW[i])), "dW[" + i + "]");
            }
            assertEquals(expectedVth, vth.getGradient().getFloat(), 1e-4 * Math.max(1, Math.abs(expectedVth)));
            List<Boolean> seen = List.of(expectedVth != 0);
            assertEquals(List.of(true), seen, "the random setup should saturate some neurons");
        }
    }
    /**
     * The per-step loop as the reference writes it ({@code U ← βU + (1−β)I_t}; {@code s = U ≥ α·Vth} as a boolean
     * cast to float; {@code U ← U − s·Vth}; output {@code s·Vth/Δt}), one new tensor per operation.
     */
    private List<float[]> referenceSpikes(List<NDArray> currents, NDArray vth) {
        float beta = (float) Math.exp(-DT / TAU);
        NDArray fireAt = vth.mul(c.of(ALPHA));
        NDArray amplitude = vth.mul(c.of(1 / DT));
        List<float[]> out = new java.util.ArrayList<>();
        NDArray u = null;
        for (NDArray current : currents) {
            NDArray charge = current.mul(c.of(1f - beta));
            NDArray charged = u == null ? charge : u.mul(c.of(beta)).add(charge);
            NDArray s = charged.gte(fireAt).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            u = charged.sub(s.mul(vth));
            out.add(s.mul(amplitude).toFloatArray());
        }
        return out;
    }

    /** A float current I whose charge {@code (1−β)·I} is exactly the firing level {@code α·Vth} (in float arithmetic). */
    private static float currentAtTheFiringLevel() {
        float gain = 1f - (float) Math.exp(-DT / TAU);
        float fireAt = VTH * (float) ALPHA;
        float i = fireAt / gain;
        for (int k = 0; k < 64; k++, i = Math.nextDown(i)) {
            for (float candidate = i, up = 0; up < 128; up++, candidate = Math.nextUp(candidate)) {
                if (candidate * gain == fireAt) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no float current reaches the firing level exactly");
    }

    @Test
    void everyInputFormSimulatesBitForBitAsTheReferenceLoop() {
        // the in-place, float-only simulation on per-step currents, on one repeated current and on a time-major
        // tensor gives the spikes of the reference loop, including a membrane exactly at the firing level
        int b = 4, n = 50;
        Random rnd = new Random(11);
        float[] values = new float[T * b * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextGaussian() * 4 + 1);
        }
        float edge = currentAtTheFiringLevel();
        Readout wfr = Readout.weightedRate(T, TAU, DT);
        DsrLif lif = new DsrLif(TAU, DT, ALPHA, wfr, c);
        try (StepScope scope = StepScope.open()) {
            NDArray vth = manager.create(new float[] {VTH}, new Shape());
            NDArray timeMajor = manager.create(values, new Shape(T * b, n));
            List<NDArray> steps = timeMajor.split(T, 0).getResourceNDArrays();
            float[] first = java.util.Arrays.copyOf(values, b * n);
            first[0] = edge;
            NDArray constant = manager.create(first, new Shape(b, n));
            List<NDArray> copies = new java.util.ArrayList<>();
            for (int t = 0; t < T; t++) {
                copies.add(constant.duplicate());
            }
            List<float[]> expectedVarying = referenceSpikes(steps, vth);
            List<float[]> expectedConstant = referenceSpikes(copies, vth);
            assertEquals(VTH / DT, expectedConstant.get(0)[0], 1e-3, "the reference fires at the firing level");
            assertSpikes(expectedVarying, lif.run(steps, null, vth));
            assertSpikes(expectedVarying, lif.run(timeMajor, T, null, vth));
            assertSpikes(expectedConstant, lif.run(copies, null, vth));
            assertSpikes(expectedConstant, lif.run(Collections.nCopies(T, constant), null, vth));
        }
    }

    private static void assertSpikes(List<float[]> expected, DsrLif.Output out) {
        assertEquals(expected.size(), out.spikes().size());
        for (int t = 0; t < expected.size(); t++) {
            assertArrayEquals(expected.get(t), out.spikes().get(t).toFloatArray(), 0f, "step " + t);
        }
        assertEquals(null, out.gradientTerm(), "no current sum, no gradient term");
    }

    @Test
    void theGradientTermIsTheSameForEveryInputForm() {
        int b = 3, n = 7;
        Random rnd = new Random(5);
        float[] values = new float[T * b * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextGaussian() * 6);
        }
        DsrLif lif = new DsrLif(TAU, DT, ALPHA, Readout.weightedRate(T, TAU, DT), c);
        try (StepScope scope = StepScope.open()) {
            NDArray vth = manager.create(new float[] {VTH}, new Shape());
            NDArray timeMajor = manager.create(values, new Shape(T * b, n));
            List<NDArray> steps = timeMajor.split(T, 0).getResourceNDArrays();
            NDArray sum = timeMajor.reshape(T, b, n).sum(new int[] {0});
            float[] perStep = lif.run(steps, sum, vth).gradientTerm().toFloatArray();
            assertArrayEquals(perStep, lif.run(timeMajor, T, sum, vth).gradientTerm().toFloatArray(), 0f);
            NDArray one = steps.get(0);
            List<NDArray> copies = new java.util.ArrayList<>();
            for (int t = 0; t < T; t++) {
                copies.add(one.duplicate());
            }
            NDArray oneSum = one.mul(c.of(T));
            assertArrayEquals(lif.run(copies, oneSum, vth).gradientTerm().toFloatArray(),
                    lif.run(Collections.nCopies(T, one), oneSum, vth).gradientTerm().toFloatArray(), 0f);
        }
    }
}
