package org.plasticity.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccuracyMatrixTest {
    /** R = [[.9, .2, .1], [.8, .95, .15], [.7, .85, .97]], b = [.1, .12, .09]. */
    private static AccuracyMatrix known() {
        double[][] r = {{0.9, 0.2, 0.1}, {0.8, 0.95, 0.15}, {0.7, 0.85, 0.97}};
        AccuracyMatrix m = new AccuracyMatrix(3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m.set(i, j, r[i][j]);
            }
        }
        m.setInitial(0, 0.1);
        m.setInitial(1, 0.12);
        m.setInitial(2, 0.09);
        return m;
    }

    @Test
    void accBwtFwtOfAKnownMatrix() {
        AccuracyMatrix m = known();
        assertEquals((0.7 + 0.85 + 0.97) / 3, m.acc(), 1e-12);
        assertEquals(((0.7 - 0.9) + (0.85 - 0.95)) / 2, m.bwt(), 1e-12);
        assertEquals(((0.2 - 0.12) + (0.15 - 0.09)) / 2, m.fwt(), 1e-12);
    }

    @Test
    void summariesOfAPartialRunUseTheLastCompletedRow() {
        AccuracyMatrix m = new AccuracyMatrix(3);
        m.set(0, 0, 0.9);
        m.set(1, 0, 0.6);
        m.set(1, 1, 0.95);
        assertEquals(1, m.lastCompletedTask());
        assertEquals((0.6 + 0.95) / 2, m.acc(), 1e-12);
        assertEquals(-0.3, m.bwt(), 1e-12);
        assertTrue(Double.isNaN(m.fwt()), "FWT needs the untrained accuracies");
    }

    @Test
    void csvHasOneRowPerTaskAndTheUntrainedRow() {
        String csv = known().toCsv();
        String[] lines = csv.split("\n");
        assertEquals("after_task,task_0,task_1,task_2", lines[0]);
        assertEquals("1,0.8000,0.9500,0.1500", lines[2]);
        assertEquals("untrained,0.1000,0.1200,0.0900", lines[4]);
    }
}
