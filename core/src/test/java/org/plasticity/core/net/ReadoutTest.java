package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ReadoutTest extends EngineFixture {
    private static final int T = 20;

    private List<NDArray> steps(Random rnd, int b, int n) {
        List<NDArray> out = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            float[] v = new float[b * n];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            out.add(manager.create(v, new Shape(b, n)));
        }
        return out;
    }

    @Test
    void aStackedTensorGivesTheSameSumAsItsSteps() {
        try (StepScope scope = StepScope.open()) {
            List<NDArray> steps = steps(new Random(1), 6, 9);
            NDArray stacked = NDArrays.stack(new NDList(steps));
            for (Readout r : List.of(Readout.weightedRate(T, 1, 0.05), Readout.sum(T), Readout.mean(T))) {
                assertArrayEquals(r.apply(steps, c).toFloatArray(), r.applyStacked(stacked, c).toFloatArray(), 0f,
                        r.kind());
            }
        }
    }

    @Test
    void aConstantInputGivesBitForBitTheSumOfItsCopies() {
        try (StepScope scope = StepScope.open()) {
            NDArray x = steps(new Random(2), 5, 11).get(0);
            List<NDArray> copies = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                copies.add(x.duplicate());
            }
            for (Readout r : List.of(Readout.weightedRate(T, 1, 0.05), Readout.sum(T), Readout.mean(T))) {
                assertArrayEquals(r.apply(copies, c).toFloatArray(), r.applyConstant(x, T, c).toFloatArray(), 0f,
                        r.kind());
            }
            // and not merely the product with the weights' total, which rounds differently
            Readout wfr = Readout.weightedRate(T, 1, 0.05);
            float[] summed = wfr.applyConstant(x, T, c).toFloatArray();
            float[] scaled = x.mul(c.of(wfr.coefficientSum())).toFloatArray();
            int differ = 0;
            for (int i = 0; i < summed.length; i++) {
                differ += summed[i] == scaled[i] ? 0 : 1;
            }
            assertNotEquals(0, differ, "the test should tell a sum of products from a scaled input");
        }
    }

    @Test
    void readoutsWithTheSameWeightsAreEqual() {
        assertEquals(Readout.weightedRate(T, 1, 0.05), Readout.weightedRate(T, 1, 0.05));
        assertEquals(Readout.weightedRate(T, 1, 0.05).hashCode(), Readout.weightedRate(T, 1, 0.05).hashCode());
        assertNotEquals(Readout.weightedRate(T, 1, 0.05), Readout.weightedRate(T, 2, 0.05));
        assertNotEquals(Readout.sum(T), Readout.mean(T));
        assertNotEquals(Readout.sum(T), Readout.sum(T - 1));
    }
}
