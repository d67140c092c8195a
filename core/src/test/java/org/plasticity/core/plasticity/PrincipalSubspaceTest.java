package org.plasticity.core.plasticity;

import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Oja's subspace rule finds the principal subspace, and new neurons the residual one after a merge. */
class PrincipalSubspaceTest extends EngineFixture {
    private static final int N = 20;
    private static final int BATCH = 64;

    /** Rows x = Σ_i √λ_i z_i u_i with z standard normal: covariance U·diag(λ)·Uᵀ. */
    private static double[][] batch(double[][] u, double[] lambda, Random rnd) {
        double[][] x = new double[BATCH][N];
        for (double[] row : x) {
            for (int i = 0; i < N; i++) {
                double z = rnd.nextGaussian() * Math.sqrt(lambda[i]);
                for (int j = 0; j < N; j++) {
                    row[j] += z * u[i][j];
                }
            }
        }
        return x;
    }

    private void train(HebbianSubspace sub, double[][] u, double[] lambda, Random rnd, int calls) {
        HebbianSettings s = new HebbianSettings(0.02, 5, 0.9, 10, null);
        for (int i = 0; i < calls; i++) {
            try (StepScope scope = StepScope.open()) {
                sub.update(Dense.toTensor(batch(u, lambda, rnd), manager), s);
            }
        }
    }

    private static double[] spectrum(double... top) {
        double[] lambda = new double[N];
        Arrays.fill(lambda, 0.1);
        System.arraycopy(top, 0, lambda, 0, top.length);
        return lambda;
    }

    @Test
    void learnsThePrincipalSubspaceThenTheResidualOneWithNewNeurons() {
        Random rnd = new Random(2022);
        double[][] u = Dense.orthonormalRows(Dense.gaussian(N, N, rnd, 1)); // eigenvectors as rows
        try (HebbianSubspace sub = new HebbianSubspace(manager, N)) {
            sub.addNeurons(3, 1);
            double[] initial = Dense.principalCosines(Dense.fromTensor(sub.weights()), Dense.rows(u, 0, 3));
            assertTrue(initial[0] < 0.9, "the random start must be far: " + Arrays.toString(initial));

            train(sub, u, spectrum(9, 6, 4), rnd, 60);
            double[][] old = Dense.fromTensor(sub.weights());
            double[] cos = Dense.principalCosines(old, Dense.rows(u, 0, 3));
            assertTrue(cos[0] > 0.98, "principal cosines " + Arrays.toString(cos));

            sub.merge();
            sub.addNeurons(2, 2);
            assertEquals(3, sub.oldSize());
            assertEquals(5, sub.size());
            float[] oldBefore = Arrays.copyOf(sub.weights().toFloatArray(), 3 * N);
            train(sub, u, spectrum(9, 6, 4, 5, 3), rnd, 60);
            float[] after = sub.weights().toFloatArray();
            for (int i = 0; i < oldBefore.length; i++) {
                assertEquals(Float.floatToRawIntBits(oldBefore[i]), Float.floatToRawIntBits(after[i]), "old row entry " + i);
            }
            double[][] fresh = Dense.rows(Dense.fromTensor(sub.weights()), 3, 5);
            double[] residual = Dense.principalCosines(fresh, Dense.rows(u, 3, 5));
            assertTrue(residual[0] > 0.98, "cosines to the new directions " + Arrays.toString(residual));
            double[] overlap = Dense.principalCosines(fresh, old);
            assertTrue(overlap[overlap.length - 1] < 0.02, "cosines to the old span " + Arrays.toString(overlap));
        }
    }
}
