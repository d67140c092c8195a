package org.plasticity.core.plasticity;

import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code addNeurons}: torch's orthogonal_ init per new block. */
class OrthogonalInitTest extends EngineFixture {

    private static void assertIdentity(double[][] gram) {
        for (int i = 0; i < gram.length; i++) {
            for (int j = 0; j < gram.length; j++) {
                assertEquals(i == j ? 1 : 0, gram[i][j], 1e-5, "gram[" + i + "][" + j + "]");
            }
        }
    }

    /** The block's Gaussian, drawn as documented: row-major from java.util.Random(seed). */
    private static double[][] gaussian(int rows, int cols, long seed) {
        return Dense.gaussian(rows, cols, new Random(seed), 1);
    }

    /**
     * Q·diag(sign diag R) is the QR factor whose R has a positive diagonal: R = Qᵀ·A must be upper
     * triangular with a positive diagonal, A being the tall Gaussian (transposed when wide).
     */
    private static void assertPositiveQr(double[][] block, double[][] g) {
        boolean wide = block.length < block[0].length;
        double[][] q = wide ? Dense.t(block) : block;
        double[][] a = wide ? Dense.t(g) : g;
        double[][] r = Dense.mul(Dense.t(q), a);
        for (int i = 0; i < r.length; i++) {
            assertTrue(r[i][i] > 0, "diag R " + i);
            for (int j = 0; j < i; j++) {
                assertEquals(0, r[i][j], 1e-5, "R below the diagonal");
            }
        }
    }

    @Test
    void rowsAreOrthonormalWhenNoMoreThanTheInputDimension() {
        try (HebbianSubspace sub = new HebbianSubspace(manager, 5);
             StepScope scope = StepScope.open()) {
            sub.addNeurons(3, 42);
            double[][] h = Dense.fromTensor(sub.weights());
            assertIdentity(Dense.mul(h, Dense.t(h)));
            assertPositiveQr(h, gaussian(3, 5, 42));
            assertArrayEquals(new float[15], sub.momentum().toFloatArray(), 0f);
        }
        try (HebbianSubspace sub = new HebbianSubspace(manager, 5);
             StepScope scope = StepScope.open()) {
            sub.addNeurons(5, 43);
            double[][] h = Dense.fromTensor(sub.weights());
            assertIdentity(Dense.mul(h, Dense.t(h)));
            assertPositiveQr(h, gaussian(5, 5, 43));
        }
    }

    @Test
    void columnsAreOrthonormalWhenMoreNeuronsThanInputs() {
        try (HebbianSubspace sub = new HebbianSubspace(manager, 4);
             StepScope scope = StepScope.open()) {
            sub.addNeurons(7, 44);
            assertEquals(7, sub.size());
            double[][] h = Dense.fromTensor(sub.weights());
            assertIdentity(Dense.mul(Dense.t(h), h));
            assertPositiveQr(h, gaussian(7, 4, 44));
        }
    }

    @Test
    void anAppendedBlockLeavesTheOldRowsAndIsNotOrthogonalisedAgainstThem() {
        try (HebbianSubspace sub = new HebbianSubspace(manager, 6);
             StepScope scope = StepScope.open()) {
            sub.addNeurons(2, 1);
            float[] first = sub.weights().toFloatArray();
            sub.addNeurons(0, 2);
            sub.addNeurons(-3, 2);
            assertEquals(2, sub.size());
            sub.addNeurons(3, 2);
            assertEquals(5, sub.size());
            assertEquals(0, sub.oldSize());
            float[] all = sub.weights().toFloatArray();
            for (int i = 0; i < first.length; i++) {
                assertEquals(Float.floatToRawIntBits(first[i]), Float.floatToRawIntBits(all[i]));
            }
            double[][] h = Dense.fromTensor(sub.weights());
            double[][] block = Dense.rows(h, 2, 5);
            assertIdentity(Dense.mul(block, Dense.t(block)));
            assertPositiveQr(block, gaussian(3, 6, 2));
            double cross = Dense.frobenius(Dense.mul(Dense.rows(h, 0, 2), Dense.t(block)));
            assertTrue(cross > 1e-3, "independent blocks are not orthogonal to each other: " + cross);
            assertArrayEquals(new float[30], sub.momentum().toFloatArray(), 0f);
        }
    }

    @Test
    void theBlockIsDeterministicForASeed() {
        try (HebbianSubspace a = new HebbianSubspace(manager, 8);
             HebbianSubspace b = new HebbianSubspace(manager, 8);
             HebbianSubspace other = new HebbianSubspace(manager, 8);
             StepScope scope = StepScope.open()) {
            a.addNeurons(4, 7);
            b.addNeurons(4, 7);
            other.addNeurons(4, 8);
            assertArrayEquals(a.weights().toFloatArray(), b.weights().toFloatArray(), 0f);
            assertFalse(Arrays.equals(a.weights().toFloatArray(), other.weights().toFloatArray()));
        }
    }
}
