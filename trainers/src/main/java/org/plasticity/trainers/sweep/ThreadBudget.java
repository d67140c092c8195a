package org.plasticity.trainers.sweep;

import org.plasticity.trainers.Cores;
import org.plasticity.trainers.UserError;

/**
 * How the local executor shares the cores: {@code parallel} runs at once, each with {@code threads} intra-op threads,
 * so that parallel × threads ≤ cores. Oversubscribed OpenMP threads spin at barriers and collapse throughput, so
 * more runs than cores is refused unless the thread count is given explicitly.
 *
 * @param cores    the cores shared out
 * @param parallel runs at once
 * @param threads  threads per run
 */
public record ThreadBudget(int cores, int parallel, int threads) {

    /**
     * Plans the budget.
     *
     * @param cores    cores to use, or null for all of this machine's
     * @param parallel runs at once, &gt;= 1
     * @param threads  threads per run, or null for max(1, cores / parallel)
     * @return the plan
     * @throws UserError for a parallelism above the cores without explicit threads, or values below 1
     */
    public static ThreadBudget plan(Integer cores, int parallel, Integer threads) {
        int c = cores != null ? cores : Cores.available();
        if (c < 1) {
            throw new UserError("--cores must be at least 1, got " + c);
        }
        if (parallel < 1) {
            throw new UserError("--parallel must be at least 1, got " + parallel);
        }
        if (threads != null) {
            if (threads < 1) {
                throw new UserError("--threads must be at least 1, got " + threads);
            }
            return new ThreadBudget(c, parallel, threads);
        }
        if (parallel > c) {
            throw new UserError("--parallel " + parallel + " is more than the " + c + " cores: the runs' threads would"
                    + " fight over them (oversubscribed OpenMP collapses throughput); use --parallel " + c
                    + " or less, or give --threads to accept oversubscription");
        }
        return new ThreadBudget(c, parallel, Math.max(1, c / parallel));
    }
}
