package org.plasticity.trainers.continual;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.core.tensor.TorchRuntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device-side record of the steps' losses: exact values, step order, bounded and flat. */
class LossWindowTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        TorchRuntime.start(1, 3);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private void record(LossWindow window, float loss, float total) {
        try (StepScope scope = StepScope.open()) {
            NDArray l = manager.create(loss);
            l.setRequiresGradient(true); // a graph output in a real step; the window must not keep its graph
            window.record(l, manager.create(total));
        }
    }

    @Test
    void readGivesTheRecordedFloatsInStepOrderAndEmptiesTheWindow() {
        try (LossWindow window = new LossWindow(manager, 3)) {
            record(window, 0.1f, 7f);
            record(window, Float.NaN, 1e-30f);
            assertFalse(window.full());
            record(window, 2.5f, Float.POSITIVE_INFINITY);
            assertTrue(window.full());
            float[][] rows = window.read();
            assertEquals(3, rows.length);
            assertArrayEquals(new float[] {0.1f, 7f}, rows[0], 0f);
            assertArrayEquals(new float[] {Float.NaN, 1e-30f}, rows[1], 0f);
            assertArrayEquals(new float[] {2.5f, Float.POSITIVE_INFINITY}, rows[2], 0f);
            assertEquals(0, window.size());
            assertEquals(0, window.read().length);
            record(window, 4f, 0f);
            assertArrayEquals(new float[] {4f, 0f}, window.read()[0], 0f);
        }
    }

    @Test
    void aFullWindowRefusesAnotherStep() {
        try (LossWindow window = new LossWindow(manager, 1)) {
            record(window, 1f, 1f);
            assertThrows(IllegalStateException.class, () -> record(window, 2f, 2f));
        }
        assertThrows(IllegalArgumentException.class, () -> new LossWindow(manager, 0));
    }

    @Test
    void recordingAndReadingKeepsOneTensor() {
        BaseNDManager base = (BaseNDManager) manager;
        try (LossWindow window = new LossWindow(manager, 4)) {
            int arrays = base.getManagedArrays().size();
            for (int i = 0; i < 1000; i++) {
                record(window, i, -i);
                if (window.full()) {
                    window.read();
                }
            }
            assertEquals(arrays, base.getManagedArrays().size());
        }
    }
}
