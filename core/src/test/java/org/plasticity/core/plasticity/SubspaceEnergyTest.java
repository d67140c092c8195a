package org.plasticity.core.plasticity;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubspaceEnergyTest {
    /** Rows 3·e1, 2·e2, 1·e3 (and a zero row): the energy per axis is 9, 4, 1, 0 of 14. */
    private static final float[] AXES = {
        3, 0, 0, 0,
        0, 2, 0, 0,
        0, 0, 1, 0,
        0, 0, 0, 0,
    };

    @Test
    void spanOfNonOrthonormalRowsHoldsItsAxesEnergy() {
        float[] h = {1, 1, 0, 0, 2, 0, 0, 0}; // spans {e1, e2}
        SubspaceEnergy.Fractions f = SubspaceEnergy.of(AXES, 4, h, 2, 4);
        assertEquals(2, f.rank());
        assertEquals(13.0 / 14, f.captured(), 1e-12);
        assertEquals(13.0 / 14, f.principal(), 1e-12);
    }

    @Test
    void aMinorDirectionHoldsLessThanTheLeadingOne() {
        float[] h = {0, 0, 5, 0};
        SubspaceEnergy.Fractions f = SubspaceEnergy.of(AXES, 4, h, 1, 4);
        assertEquals(1.0 / 14, f.captured(), 1e-12);
        assertEquals(9.0 / 14, f.principal(), 1e-12);
    }

    @Test
    void dependentRowsCountOnceAndAnEmptySubspaceHoldsNothing() {
        float[] h = {1, 0, 0, 0, -2, 0, 0, 0};
        assertEquals(1, SubspaceEnergy.of(AXES, 4, h, 2, 4).rank());
        SubspaceEnergy.Fractions none = SubspaceEnergy.of(AXES, 4, new float[0], 0, 4);
        assertEquals(0, none.captured());
        assertEquals(0, none.principal());
    }

    @Test
    void matchesGramSchmidtProjectionOfEachRowAndNeverExceedsPrincipal() {
        Random random = new Random(7);
        int n = 3000;
        int dim = 12;
        int m = 5;
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                x[i * dim + k] = (float) (random.nextGaussian() * (k + 1)); // BLOCK-sized chunks are crossed
            }
        }
        float[] h = new float[m * dim];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) random.nextGaussian();
        }
        double[][] u = gramSchmidt(h, m, dim);
        double inside = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (double[] q : u) {
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot += q[k] * x[i * dim + k];
                }
                inside += dot * dot;
            }
            for (int k = 0; k < dim; k++) {
                total += (double) x[i * dim + k] * x[i * dim + k];
            }
        }
        SubspaceEnergy.Fractions f = SubspaceEnergy.of(x, n, h, m, dim);
        assertEquals(inside / total, f.captured(), 1e-9);
        assertTrue(f.captured() < f.principal());
        // the leading 5 of 12 axes with variances (k+1)²: (8²+…+12²)/(1²+…+12²) up to sampling
        assertEquals((64 + 81 + 100 + 121 + 144) / 650.0, f.principal(), 0.03);
    }

    private static double[][] gramSchmidt(float[] h, int m, int dim) {
        double[][] q = new double[m][dim];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < dim; k++) {
                q[j][k] = h[j * dim + k];
            }
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot += q[p][k] * q[j][k];
                }
                for (int k = 0; k < dim; k++) {
                    q[j][k] -= dot * q[p][k];
                }
            }
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                norm += q[j][k] * q[j][k];
            }
            for (int k = 0; k < dim; k++) {
                q[j][k] /= Math.sqrt(norm);
            }
        }
        return q;
    }
}
