package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Hebbian update against hlop.md §2.4 written out in Java doubles. */
class HebbianUpdateTest extends EngineFixture {
    private static final int R = 4;
    private static final int N = 5;
    private static final int M = 3;

    /** The reference update, literally: full Δ, clamp, zero the old rows, EMA momentum, step. */
    static void reference(double[][] h, double[][] mom, double[][] x, int old, HebbianSettings s) {
        for (int it = 0; it < s.iterations(); it++) {
            double[][] y = Dense.mul(x, Dense.t(h));
            if (s.quantizer() != null) {
                double sc = s.quantizer().scale();
                double ts = s.quantizer().timesteps();
                for (double[] row : y) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.rint(Math.max(-sc, Math.min(sc, row[j])) / sc * ts) / ts * sc;
                    }
                }
            }
            double[][] xhat = Dense.mul(y, h);
            double[][] err = new double[x.length][x[0].length];
            for (int r = 0; r < x.length; r++) {
                for (int j = 0; j < x[0].length; j++) {
                    err[r][j] = x[r][j] - xhat[r][j];
                }
            }
            double[][] delta = Dense.mul(Dense.t(y), err);
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < h[0].length; j++) {
                    double d = Math.max(-s.clamp(), Math.min(s.clamp(), delta[i][j] / x.length));
                    if (i < old) {
                        continue;
                    }
                    mom[i][j] = s.momentum() * mom[i][j] + (1 - s.momentum()) * d;
                    h[i][j] += s.lr() * mom[i][j];
                }
            }
        }
    }

    /** Runs one update from a restored state and checks H and Mom against the reference. */
    private void checkAgainstReference(int old, HebbianSettings s, double xScale, long seed) {
        checkAgainstReference(old, s, xScale, seed, R);
    }

    private void checkAgainstReference(int old, HebbianSettings s, double xScale, long seed, int rows) {
        checkAgainstReference(old, s, xScale, seed, rows, null);
    }

    /** As above, in a given form of the update (null: the one {@code update} picks). */
    private void checkAgainstReference(int old, HebbianSettings s, double xScale, long seed, int rows,
                                       HebbianSubspace.UpdateForm form) {
        Random rnd = new Random(seed);
        double[][] h = Dense.gaussian(M, N, rnd, 0.5);
        double[][] mom = Dense.gaussian(M, N, rnd, 0.1);
        double[][] x = Dense.gaussian(rows, N, rnd, xScale);
        try (HebbianSubspace sub = new HebbianSubspace(manager, N);
             StepScope scope = StepScope.open()) {
            sub.restore(Dense.toTensor(h, manager), Dense.toTensor(mom, manager), old);
            float[] hBefore = sub.weights().toFloatArray();
            float[] momBefore = sub.momentum().toFloatArray();
            if (form == null) {
                sub.update(Dense.toTensor(x, manager), s);
            } else {
                sub.update(Dense.toTensor(x, manager), s, form);
            }
            reference(h, mom, x, old, s);
            assertClose(h, sub.weights(), "H");
            assertClose(mom, sub.momentum(), "Mom");
            float[] hAfter = sub.weights().toFloatArray();
            float[] momAfter = sub.momentum().toFloatArray();
            for (int i = 0; i < old * N; i++) {
                assertEquals(Float.floatToRawIntBits(hBefore[i]), Float.floatToRawIntBits(hAfter[i]), "fixed H " + i);
                assertEquals(Float.floatToRawIntBits(momBefore[i]), Float.floatToRawIntBits(momAfter[i]), "fixed Mom " + i);
            }
        }
    }

    private static void assertClose(double[][] expected, NDArray actual, String what) {
        double[][] a = Dense.fromTensor(actual);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertEquals(expected[i][j], a[i][j], 1e-5 * Math.max(1, Math.abs(expected[i][j])),
                        what + "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void oneIterationWithoutFixedRowsMatchesTheHandStep() {
        checkAgainstReference(0, new HebbianSettings(0.05, 1, 0.9, 10, null), 1, 1);
    }

    @Test
    void oneIterationWithTwoFixedRowsMatchesTheHandStepAndLeavesThemBitIdentical() {
        checkAgainstReference(2, new HebbianSettings(0.05, 1, 0.9, 10, null), 1, 2);
    }

    @Test
    void severalIterationsReuseTheBatchAndTheUpdatedWeights() {
        checkAgainstReference(1, new HebbianSettings(0.1, 5, 0.8, 10, null), 1, 3);
    }

    /** More rows than dimensions (conv patches) take the second-moment route: the same update. */
    @Test
    void manyRowsGiveTheSameUpdateThroughTheSecondMoment() {
        checkAgainstReference(0, new HebbianSettings(0.05, 1, 0.9, 10, null), 1, 5, 40);
        checkAgainstReference(1, new HebbianSettings(0.1, 5, 0.8, 10, null), 1, 6, 40);
        checkAgainstReference(2, new HebbianSettings(0.05, 3, 0.9, 0.5, null), 2, 7, 40);
    }

    /** Every exact form of the update gives the reference's update, with and without old rows. */
    @Test
    void everyFormGivesTheSameUpdate() {
        for (HebbianSubspace.UpdateForm form : HebbianSubspace.UpdateForm.values()) {
            checkAgainstReference(1, new HebbianSettings(0.1, 5, 0.8, 10, null), 1, 8, R, form);
            checkAgainstReference(2, new HebbianSettings(0.05, 3, 0.9, 0.5, null), 2, 9, R, form);
            checkAgainstReference(2, new HebbianSettings(0.05, 2, 0.9, 10, null), 1, 10, 40, form);
        }
        checkAgainstReference(0, new HebbianSettings(0.05, 2, 0.9, 10, null), 1, 11, R,
                HebbianSubspace.UpdateForm.RESIDUAL_INPUTS);
    }

    /** The form is chosen by cost: the old rows leave the inputs for the updates when many input rows face many old ones. */
    @Test
    void theCheapestFormIsChosen() {
        HebbianSettings s = HebbianSettings.defaults(0.01);
        // HLOP-BPTT at task 9: T·B = 384 rows of 800, 580 old and 10 new rows
        assertEquals(HebbianSubspace.UpdateForm.RESIDUAL_UPDATES, HebbianSubspace.UpdateForm.cheapest(384, 800, 580, 10, s));
        // HLOP-DSR at task 1 and 9: 64 rate rows, 200 old and 70 new rows, 580 and 10; OTTT's 128 rows at task 9
        assertEquals(HebbianSubspace.UpdateForm.RESIDUAL_INPUTS, HebbianSubspace.UpdateForm.cheapest(64, 800, 200, 70, s));
        assertEquals(HebbianSubspace.UpdateForm.RESIDUAL_INPUTS, HebbianSubspace.UpdateForm.cheapest(64, 800, 580, 10, s));
        assertEquals(HebbianSubspace.UpdateForm.RESIDUAL_INPUTS, HebbianSubspace.UpdateForm.cheapest(128, 800, 580, 10, s));
        // no old rows, and conv patches (more rows than dimensions)
        assertEquals(HebbianSubspace.UpdateForm.RESIDUAL_INPUTS, HebbianSubspace.UpdateForm.cheapest(384, 800, 0, 10, s));
        assertEquals(HebbianSubspace.UpdateForm.SECOND_MOMENT, HebbianSubspace.UpdateForm.cheapest(12544, 576, 100, 20, s));
        // quantised lateral neurons: only the form that quantises the old rows' outputs
        HebbianSettings q = new HebbianSettings(0.01, 5, 0.9, 10, new LateralQuantizer(20, 1000));
        assertEquals(HebbianSubspace.UpdateForm.RESIDUAL_INPUTS, HebbianSubspace.UpdateForm.cheapest(384, 800, 580, 10, q));
    }

    @Test
    void spikingLateralNeuronsQuantiseTheOutputs() {
        checkAgainstReference(1, new HebbianSettings(0.05, 2, 0.9, 10, new LateralQuantizer(2, 4)), 1, 4);
    }

    @Test
    void deltaIsClampedBeforeMomentum() {
        HebbianSettings s = new HebbianSettings(0.01, 1, 0.9, 10, null);
        Random rnd = new Random(5);
        double[][] h = Dense.gaussian(M, N, rnd, 0.5);
        double[][] x = Dense.gaussian(R, N, rnd, 30);
        double[][] y = Dense.mul(x, Dense.t(h));
        double[][] err = Dense.mul(y, h);
        for (int r = 0; r < R; r++) {
            for (int j = 0; j < N; j++) {
                err[r][j] = x[r][j] - err[r][j];
            }
        }
        double[][] raw = Dense.mul(Dense.t(y), err);
        double largest = 0;
        for (double[] row : raw) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v / R));
            }
        }
        assertTrue(largest > 100, "the setup must exceed the clamp, max |Δ| = " + largest);
        try (HebbianSubspace sub = new HebbianSubspace(manager, N);
             StepScope scope = StepScope.open()) {
            sub.restore(Dense.toTensor(h, manager), manager.zeros(new Shape(M, N)), 0);
            sub.update(Dense.toTensor(x, manager), s);
            double maxMom = 0;
            for (float v : sub.momentum().toFloatArray()) {
                maxMom = Math.max(maxMom, Math.abs(v));
            }
            // from zero momentum, Mom = (1 − m)·clamp(Δ): at most 0.1·10, reached by the clamped entries
            assertEquals(1.0, maxMom, 1e-6);
            double[][] mom = new double[M][N];
            reference(h, mom, x, 0, s);
            assertClose(mom, sub.momentum(), "Mom");
            assertClose(h, sub.weights(), "H");
        }
    }

    @Test
    void updateWithOnlyOldRowsChangesNothing() {
        try (HebbianSubspace sub = new HebbianSubspace(manager, N);
             StepScope scope = StepScope.open()) {
            sub.addNeurons(M, 11);
            sub.merge();
            assertEquals(M, sub.oldSize());
            float[] before = sub.weights().toFloatArray();
            sub.update(Dense.toTensor(Dense.gaussian(R, N, new Random(6), 1), manager), HebbianSettings.defaults(0.1));
            assertArrayEquals(before, sub.weights().toFloatArray(), 0f);
        }
    }

    @Test
    void freshNeuronsLearnFromZeroMomentum() {
        HebbianSettings s = HebbianSettings.defaults(0.05);
        try (HebbianSubspace sub = new HebbianSubspace(manager, N);
             StepScope scope = StepScope.open()) {
            sub.addNeurons(2, 21);
            sub.merge();
            sub.addNeurons(1, 22);
            assertEquals(3, sub.size());
            assertEquals(2, sub.oldSize());
            double[][] h = Dense.fromTensor(sub.weights());
            double[][] mom = new double[3][N];
            double[][] x = Dense.gaussian(R, N, new Random(7), 1);
            sub.update(Dense.toTensor(x, manager), s);
            reference(h, mom, x, 2, s);
            assertClose(h, sub.weights(), "H");
            assertClose(mom, sub.momentum(), "Mom");
        }
    }

    @Test
    void theProjectedInputRowsAsTheResidualGiveTheSameUpdateBitForBit() {
        // DSR's first layer: the residual its projection formed for the weight gradient is the Hebbian update's own
        int rows = 16, n = 40, m = 12, old = 8;
        HebbianSettings s = HebbianSettings.defaults(0.05);
        Random rnd = new Random(31);
        double[][] h = Dense.gaussian(m, n, rnd, 0.3);
        double[][] mom = Dense.gaussian(m, n, rnd, 0.1);
        double[][] x = Dense.gaussian(rows, n, rnd, 1);
        assertEquals(HebbianSubspace.UpdateForm.RESIDUAL_INPUTS,
                HebbianSubspace.UpdateForm.cheapest(rows, n, old, m - old, s), "the form that uses the residual");
        float[][] after = new float[3][];
        for (int shared = 0; shared < 3; shared++) {
            try (HebbianSubspace sub = new HebbianSubspace(manager, n);
                 StepScope scope = StepScope.open()) {
                sub.restore(Dense.toTensor(h, manager), Dense.toTensor(mom, manager), old);
                NDArray input = Dense.toTensor(x, manager);
                // 2: a residual of zeros, to see that the given residual is the one used
                NDArray residual = shared == 0 ? null
                        : shared == 1 ? sub.projector().projectRows(input) : input.zerosLike();
                sub.update(input, residual, s);
                sub.update(input, residual, s);
                after[shared] = sub.weights().toFloatArray();
            }
        }
        assertArrayEquals(after[0], after[1], 0f);
        assertTrue(!java.util.Arrays.equals(after[0], after[2]), "the given residual is used");
    }
}
