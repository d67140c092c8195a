package org.plasticity.core.plasticity;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gradient projection away from the old rows (hlop.md §2.5, 'weight' semantics). */
class GradientProjectorTest extends EngineFixture {
    private static final int N = 8;
    private static final int K = 3;

    /** A subspace whose first K rows are an orthonormal basis and whose last row is a new, unmerged neuron. */
    private HebbianSubspace subspace(double[][] basis, Random rnd) {
        double[][] h = new double[K + 1][];
        System.arraycopy(basis, 0, h, 0, K);
        h[K] = Dense.gaussian(1, N, rnd, 1)[0];
        HebbianSubspace sub = new HebbianSubspace(manager, N);
        sub.restore(Dense.toTensor(h, manager), manager.zeros(new Shape(K + 1, N)), K);
        return sub;
    }

    @Test
    void removesExactlyTheComponentInTheOldSpan() {
        Random rnd = new Random(1);
        double[][] b = Dense.orthonormalRows(Dense.gaussian(K, N, rnd, 1));
        double[][] g = Dense.gaussian(5, N, rnd, 2);
        try (StepScope scope = StepScope.open(); HebbianSubspace sub = subspace(b, rnd)) {
            NDArray grad = Dense.toTensor(g, manager);
            double fraction = sub.project(grad, true);
            double[][] projected = Dense.fromTensor(grad);

            double[][] coefficients = Dense.mul(g, Dense.t(b));
            double[][] expected = Dense.mul(coefficients, b);
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < N; j++) {
                    expected[i][j] = g[i][j] - expected[i][j];
                    // the component orthogonal to the basis is G·(I − BᵀB): unchanged
                    assertEquals(expected[i][j], projected[i][j], 1e-5, "G'[" + i + "][" + j + "]");
                }
            }
            double left = Dense.frobenius(Dense.mul(projected, Dense.t(b))) / Dense.frobenius(g);
            assertTrue(left < 1e-5, "‖G'·Bᵀ‖/‖G‖ = " + left);
            // B orthonormal: ‖G − G'‖ = ‖G·BᵀB‖ = ‖G·Bᵀ‖
            assertEquals(Dense.frobenius(coefficients) / Dense.frobenius(g), fraction, 1e-5);
            assertTrue(fraction > 0.3, "the setup should remove a visible part: " + fraction);
        }
    }

    @Test
    void convolutionGradientIsProjectedInPlaceAsItsFlattenedMatrix() {
        // a real .grad of a conv-shaped weight [out=3, C=2, k=2, k=2], C·k·k = N = 8
        Random rnd = new Random(2);
        double[][] b = Dense.orthonormalRows(Dense.gaussian(K, N, rnd, 1));
        double[][] g2 = Dense.gaussian(3, N, rnd, 1);
        Shape conv = new Shape(3, 2, 2, 2);
        try (StepScope scope = StepScope.open()) {
            NDArray rows = Dense.toTensor(b, manager);
            GradientProjector projector = new GradientProjector(() -> rows, c);

            NDArray flat = Dense.toTensor(g2, manager);
            double flatFraction = projector.project(flat, true);

            NDArray w = manager.zeros(conv);
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.mul(Dense.toTensor(g2, manager).reshape(conv)).sum());
            }
            double fraction;
            try (NDArray grad = w.getGradient()) {
                fraction = projector.project(grad, true);
            }
            NDArray after = w.getGradient();
            assertEquals(conv, after.getShape());
            assertArrayEquals(flat.toFloatArray(), after.toFloatArray(), 1e-6f);
            assertEquals(flatFraction, fraction, 1e-6);
            assertTrue(Double.isNaN(projector.project(w.getGradient(), false)));
        }
    }

    @Test
    void withoutOldRowsNothingChanges() {
        Random rnd = new Random(3);
        try (StepScope scope = StepScope.open(); HebbianSubspace sub = new HebbianSubspace(manager, N)) {
            sub.addNeurons(2, 5); // new rows only: not used for projection
            NDArray grad = Dense.toTensor(Dense.gaussian(4, N, rnd, 1), manager);
            float[] before = grad.toFloatArray();
            assertEquals(0.0, sub.project(grad, true));
            assertTrue(Double.isNaN(sub.project(grad, false)));
            assertArrayEquals(before, grad.toFloatArray(), 0f);
        }
    }

    @Test
    void zeroGradientReportsZeroRemoved() {
        Random rnd = new Random(4);
        double[][] b = Dense.orthonormalRows(Dense.gaussian(K, N, rnd, 1));
        try (StepScope scope = StepScope.open(); HebbianSubspace sub = subspace(b, rnd)) {
            NDArray grad = manager.zeros(new Shape(2, N));
            assertEquals(0.0, sub.project(grad, true));
        }
    }

    @Test
    void spikingProjectionQuantisesTheCoefficients() {
        // basis e0, e1 in 4 dims; s = 1, T = 2: coefficients G[:, :2] go to steps of 0.5 within ±1
        try (StepScope scope = StepScope.open();
             HebbianSubspace sub = new HebbianSubspace(manager, 4, new LateralQuantizer(1, 2))) {
            sub.restore(manager.create(new float[] {1, 0, 0, 0, 0, 1, 0, 0}, new Shape(2, 4)),
                    manager.zeros(new Shape(2, 4)), 2);
            NDArray grad = manager.create(new float[] {0.3f, 0.8f, 5, 7, -0.2f, 2.0f, 1, 1}, new Shape(2, 4));
            sub.project(grad, false);
            assertArrayEquals(new float[] {-0.2f, -0.2f, 5, 7, -0.2f, 1.0f, 1, 1}, grad.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void theFractionSummedOnTheDeviceEqualsTheReadOneBitForBit() {
        // three gradients (one of them zero, one conv-shaped) into one float64 sum on the device:
        // the sum must be exactly the Java double sum of the fractions the reading form returns
        Random rnd = new Random(6);
        double[][] b = Dense.orthonormalRows(Dense.gaussian(K, N, rnd, 1));
        try (StepScope scope = StepScope.open()) {
            NDArray rows = Dense.toTensor(b, manager);
            GradientProjector projector = new GradientProjector(() -> rows, c);
            NDArray sum = manager.zeros(new Shape(), ai.djl.ndarray.types.DataType.FLOAT64);
            NDArray[] gradients = {Dense.toTensor(Dense.gaussian(5, N, rnd, 3), manager), manager.zeros(new Shape(2, N)),
                Dense.toTensor(Dense.gaussian(3, N, rnd, 1), manager).reshape(3, 2, 2, 2)};
            double expected = 0;
            for (NDArray g : gradients) {
                NDArray read = g.duplicate();
                NDArray onDevice = g.duplicate();
                expected += projector.project(read, true);
                projector.project(onDevice, sum);
                assertArrayEquals(read.toFloatArray(), onDevice.toFloatArray(), 0f, "the same projection");
            }
            assertTrue(expected > 0.3, "the setup should remove a visible part: " + expected);
            assertEquals(expected, sum.getDouble(), 0.0);
        }
    }

    @Test
    void withoutOldRowsTheDeviceSumIsUntouched() {
        try (StepScope scope = StepScope.open(); HebbianSubspace sub = new HebbianSubspace(manager, N)) {
            NDArray sum = manager.create(new double[] {0.25}, new Shape());
            sub.project(manager.ones(new Shape(2, N)), sum);
            assertEquals(0.25, sum.getDouble(), 0.0);
        }
    }
}
