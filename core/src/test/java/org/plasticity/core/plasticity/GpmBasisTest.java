package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.TorchRuntime;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GPM bases: orthonormal, capturing at least ε of the activation energy with the fewest directions. */
class GpmBasisTest {
    private static final int N = 40;

    /** n activations in a random subspace of the given rank, with decaying scales, plus small noise. */
    private static float[] activations(int n, int rank, long seed) {
        Random r = new Random(seed);
        double[][] directions = new double[rank][N];
        for (double[] d : directions) {
            for (int k = 0; k < N; k++) {
                d[k] = r.nextGaussian();
            }
        }
        float[] out = new float[n * N];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rank; j++) {
                double c = r.nextGaussian() / (j + 1);
                for (int k = 0; k < N; k++) {
                    out[i * N + k] += (float) (c * directions[j][k]);
                }
            }
            for (int k = 0; k < N; k++) {
                out[i * N + k] += (float) (0.01 * r.nextGaussian());
            }
        }
        return out;
    }

    private static DMatrixRMaj columns(float[] a, int n) {
        DMatrixRMaj m = new DMatrixRMaj(N, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < N; k++) {
                m.set(k, i, a[i * N + k]);
            }
        }
        return m;
    }

    private static void assertOrthonormal(DMatrixRMaj basis) {
        DMatrixRMaj gram = new DMatrixRMaj(basis.numCols, basis.numCols);
        CommonOps_DDRM.multTransA(basis, basis, gram);
        for (int i = 0; i < gram.numRows; i++) {
            for (int j = 0; j < gram.numCols; j++) {
                assertEquals(i == j ? 1.0 : 0.0, gram.get(i, j), 1e-9, "MᵀM at " + i + "," + j);
            }
        }
    }

    /** Energy captured by the first k columns of a basis. */
    private static double capturedBy(DMatrixRMaj basis, int k, DMatrixRMaj r, NDManager manager) {
        GpmBasis prefix = new GpmBasis(manager, N);
        Checkpoint c = new Checkpoint();
        c.putLongs("size", k);
        double[] data = new double[N * k];
        for (int row = 0; row < N; row++) {
            for (int col = 0; col < k; col++) {
                data[row * k + col] = basis.get(row, col);
            }
        }
        c.putDoubles("basis", data);
        prefix.restoreState(c, "");
        return prefix.energyCaptured(r);
    }

    @Test
    void firstTaskTakesTheFewestDirectionsReachingTheThreshold() {
        TorchRuntime.start(1, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            GpmBasis gpm = new GpmBasis(manager, N);
            float[] a = activations(100, 8, 1);
            GpmBasis.Extension e = gpm.extend(a, 100, 0.95);
            DMatrixRMaj r = columns(a, 100);
            DMatrixRMaj m = gpm.basis();
            assertOrthonormal(m);
            assertEquals(0, e.capturedBefore(), 1e-12);
            assertTrue(e.capturedAfter() >= 0.95, "captured " + e.capturedAfter());
            assertEquals(e.capturedAfter(), gpm.energyCaptured(r), 1e-12);
            assertTrue(e.added() >= 1 && e.added() < 8, "added " + e.added());
            assertTrue(capturedBy(m, e.added() - 1, r, manager) < 0.95, "one direction fewer stays below ε");
            NDArray rows = gpm.oldRows();
            assertEquals(e.added(), rows.getShape().get(0));
            assertEquals(N, rows.getShape().get(1));
        }
    }

    @Test
    void laterTasksAddOnlyWhatTheBasisMissesAndStayOrthonormal() {
        TorchRuntime.start(1, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            GpmBasis gpm = new GpmBasis(manager, N);
            gpm.extend(activations(100, 6, 1), 100, 0.99);
            int first = gpm.size();
            float[] same = activations(100, 6, 1);
            GpmBasis.Extension again = gpm.extend(same, 100, 0.99);
            assertEquals(0, again.added(), "activations already spanned add nothing");
            float[] other = activations(120, 6, 2);
            GpmBasis.Extension e = gpm.extend(other, 120, 0.99);
            assertTrue(e.capturedBefore() < 0.99 && e.added() > 0, "a new subspace grows the basis: " + e);
            assertTrue(gpm.energyCaptured(columns(other, 120)) >= 0.99);
            assertEquals(first + e.added(), gpm.size());
            assertOrthonormal(gpm.basis());
        }
    }

    @Test
    void theBasisNeverExceedsTheInputDimensionAndSurvivesACheckpoint() {
        TorchRuntime.start(1, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            GpmBasis gpm = new GpmBasis(manager, N);
            Random r = new Random(3);
            float[] noise = new float[200 * N];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) r.nextGaussian();
            }
            gpm.extend(noise, 200, 1.0);
            assertEquals(N, gpm.size());
            assertOrthonormal(gpm.basis());
            Checkpoint c = new Checkpoint();
            gpm.saveState(c, "g/");
            GpmBasis restored = new GpmBasis(manager, N);
            restored.restoreState(c, "g/");
            assertArrayEquals(gpm.basis().getData(), restored.basis().getData());
            assertArrayEquals(gpm.oldRows().toFloatArray(), restored.oldRows().toFloatArray());
        }
    }
}
