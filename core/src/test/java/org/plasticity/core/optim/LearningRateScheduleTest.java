package org.plasticity.core.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LearningRateScheduleTest {
    @Test
    void stepDecaysByGammaEveryStepSizeEpochs() {
        LearningRateSchedule s = LearningRateSchedule.step(100, 0.1);
        assertEquals(1.0, s.factor(0));
        assertEquals(1.0, s.factor(99));
        assertEquals(0.1, s.factor(100), 1e-12);
        assertEquals(0.01, s.factor(250), 1e-12);
    }

    @Test
    void cosineWarmsUpLinearlyThenFollowsHalfACosine() {
        LearningRateSchedule s = LearningRateSchedule.cosine(5, 200);
        assertEquals(0.2, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(4), 1e-12);
        assertEquals(1.0, s.factor(5), 1e-12);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 95 / 195)), s.factor(100), 1e-12);
        assertEquals(0.0, s.factor(200), 1e-12);
    }

    @Test
    void cosineWithoutWarmupStartsAtOne() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0, 100);
        assertEquals(1.0, s.factor(0), 1e-12);
        assertEquals(0.5, s.factor(50), 1e-12);
    }

    @Test
    void impossibleSchedulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, 10));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0, 0.1));
    }
}
