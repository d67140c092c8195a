package org.plasticity.trainers.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.trainers.config.ConfigAssertions.assertProblem;
import static org.plasticity.trainers.config.ConfigAssertions.fails;
import static org.plasticity.trainers.config.ConfigAssertions.parse;

/**
 * The settings that change from task to task: HLOP's neurons added per task (initial, the increment shrinking by the
 * decrement, a later increment list), GPM's threshold growing per task, and the learning rate after the first task.
 */
class PerTaskSettingsTest {
    private static final String HLOP = "{\"method\": {\"hlop\": {}}}";

    @Test
    void hlopAddsThePermutedMnistSequenceOfTheReference() {
        HlopConfig h = parse(HLOP).method().hlop();
        List<Integer> fc1 = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            fc1.add(h.neuronsAdded(0, t));
        }
        // hlop_out_num[0] = 80, then hlop_out_num_inc[0] = 70, less 20 at tasks 3, 6 and 9
        assertEquals(List.of(80, 70, 70, 50, 50, 50, 30, 30, 30, 10), fc1);
        assertEquals(200, h.neuronsAdded(1, 0));
    }

    @Test
    void aLaterIncrementTakesOverFromItsTaskAndTheDecrementNeverGoesBelowZero() {
        HlopConfig h = parse(HLOP, "method.hlop.initial=[8,8,8]", "method.hlop.increment=[5,5,5]",
                "method.hlop.laterIncrement=[1,2,3]", "method.hlop.laterIncrementFrom=4", "method.hlop.decrement=2",
                "method.hlop.decrementEvery=2").method().hlop();
        List<Integer> layer2 = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            layer2.add(h.neuronsAdded(2, t));
        }
        // t=1: 5; t=2,3: 5-2; from t=4 the later list, 3, less 2*2 (t=4,5) -> 0, 2*3 -> 0
        assertEquals(List.of(8, 5, 3, 3, 0, 0, 0, 0), layer2);
    }

    @Test
    void aLaterIncrementNeedsOneEntryPerProtectedLayer() {
        assertProblem(fails("{\"method\": {\"hlop\": {\"laterIncrement\": [1, 2]}}}"), "method.hlop.laterIncrement",
                "expected 3 entries");
        assertProblem(fails("{\"method\": {\"hlop\": {\"laterIncrement\": [1, -2, 3]}}}"),
                "method.hlop.laterIncrement[1]", ">= 0");
        assertProblem(fails("{\"method\": {\"hlop\": {\"laterIncrementFrom\": 0}}}"),
                "method.hlop.laterIncrementFrom", ">= 1");
    }

    @Test
    void gpmThresholdsGrowPerTaskUpToOne() {
        GpmConfig g = parse("{\"method\": {\"gpm\": {\"threshold\": [0.97, 0.99, 0.99], \"thresholdIncrement\": 0.003}}}")
                .method().gpm();
        assertEquals(0.97, g.threshold(0, 0), 1e-12);
        assertEquals(0.973, g.threshold(0, 1), 1e-12);
        assertEquals(1.0, g.threshold(2, 9), 1e-12, "0.99 + 0.027 is capped at 1");
        assertEquals(0.95, parse("{\"method\": {\"gpm\": {}}}").method().gpm().threshold(0, 7), 1e-12,
                "no increment by default");
        assertProblem(fails("{\"method\": {\"gpm\": {\"thresholdIncrement\": 1.0}}}"), "method.gpm.thresholdIncrement",
                "");
    }

    @Test
    void theLearningRateAfterTheFirstTaskIsOptionalAndPositive() {
        assertEquals(null, parse("{}").training().lrAfterFirstTask());
        assertEquals(0.01, parse("{}", "training.lrAfterFirstTask=0.01").training().lrAfterFirstTask());
        assertProblem(fails("{\"training\": {\"lrAfterFirstTask\": 0}}"), "training.lrAfterFirstTask", "> 0");
    }
}
