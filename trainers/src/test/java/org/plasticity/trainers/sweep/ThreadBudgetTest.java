package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.trainers.UserError;

/** The local executor never oversubscribes: parallel × threads ≤ cores unless threads are given explicitly. */
class ThreadBudgetTest {
    @Test
    void threadsAreTheCoresSharedOut() {
        assertEquals(2, ThreadBudget.plan(2, 1, null).threads());
        assertEquals(1, ThreadBudget.plan(2, 2, null).threads());
        assertEquals(2, ThreadBudget.plan(8, 3, null).threads());
        assertEquals(4, ThreadBudget.plan(16, 4, null).threads());
        for (int cores = 1; cores <= 16; cores++) {
            for (int parallel = 1; parallel <= cores; parallel++) {
                ThreadBudget b = ThreadBudget.plan(cores, parallel, null);
                assertTrue(b.parallel() * b.threads() <= cores, cores + " cores, " + parallel + " parallel");
                assertTrue(b.threads() >= 1);
            }
        }
    }

    @Test
    void moreRunsThanCoresIsRefusedUnlessThreadsAreExplicit() {
        UserError e = assertThrows(UserError.class, () -> ThreadBudget.plan(2, 3, null));
        assertTrue(e.getMessage().contains("--parallel 3 is more than the 2 cores"), e.getMessage());
        assertEquals(1, ThreadBudget.plan(2, 3, 1).threads());
        assertThrows(UserError.class, () -> ThreadBudget.plan(2, 0, null));
        assertThrows(UserError.class, () -> ThreadBudget.plan(2, 1, 0));
    }

    @Test
    void theDefaultIsThisMachinesCores() {
        assertEquals(Runtime.getRuntime().availableProcessors(), ThreadBudget.plan(null, 1, null).cores());
    }
}
