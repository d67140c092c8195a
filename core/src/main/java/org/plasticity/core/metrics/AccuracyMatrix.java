package org.plasticity.core.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * The continual-learning accuracy matrix {@code R[i][j]}: accuracy (a fraction) on task j right
 * after training task i, plus the accuracy {@code b[j]} of the untrained model on each task, from
 * which the standard summaries follow (Lopez-Paz &amp; Ranzato 2017, and the HLOP reference):
 * <ul>
 *   <li>ACC = mean over j of {@code R[N−1][j]};</li>
 *   <li>BWT = mean over j &lt; N−1 of {@code R[N−1][j] − R[j][j]};</li>
 *   <li>FWT = mean over j ≥ 1 of {@code R[j−1][j] − b[j]}.</li>
 * </ul>
 * Entries not measured are NaN. The matrix may be read before all tasks are trained: the
 * summaries then use the last completed row.
 */
public final class AccuracyMatrix {
    private final int tasks;
    private final double[][] r;
    private final double[] initial;

    public AccuracyMatrix(int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be ≥ 1");
        }
        this.tasks = tasks;
        this.r = new double[tasks][tasks];
        for (double[] row : r) {
            Arrays.fill(row, Double.NaN);
        }
        this.initial = new double[tasks];
        Arrays.fill(initial, Double.NaN);
    }

    public int tasks() {
        return tasks;
    }

    /** Records the accuracy on task {@code j} after training task {@code i}. */
    public void set(int i, int j, double accuracy) {
        r[i][j] = accuracy;
    }

    public double get(int i, int j) {
        return r[i][j];
    }

    /** Records the untrained model's accuracy on task {@code j}. */
    public void setInitial(int j, double accuracy) {
        initial[j] = accuracy;
    }

    public double initial(int j) {
        return initial[j];
    }

    /** Index of the last row with its diagonal filled, or −1. */
    public int lastCompletedTask() {
        for (int i = tasks - 1; i >= 0; i--) {
            if (!Double.isNaN(r[i][i])) {
                return i;
            }
        }
        return -1;
    }

    /** Mean accuracy over the tasks seen so far, after the last completed task. */
    public double acc() {
        int n = lastCompletedTask();
        if (n < 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int j = 0; j <= n; j++) {
            s += r[n][j];
        }
        return s / (n + 1);
    }

    /** Backward transfer after the last completed task (NaN with fewer than two tasks). */
    public double bwt() {
        int n = lastCompletedTask();
        if (n < 1) {
            return Double.NaN;
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += r[n][j] - r[j][j];
        }
        return s / n;
    }

    /** Forward transfer over the completed tasks (NaN when undefined or not measured). */
    public double fwt() {
        int n = lastCompletedTask();
        if (n < 1) {
            return Double.NaN;
        }
        double s = 0;
        for (int j = 1; j <= n; j++) {
            s += r[j - 1][j] - initial[j];
        }
        return s / n;
    }

    /** A copy of the matrix rows. */
    public double[][] rows() {
        double[][] copy = new double[tasks][];
        for (int i = 0; i < tasks; i++) {
            copy[i] = r[i].clone();
        }
        return copy;
    }

    /** A copy of the untrained accuracies. */
    public double[] initialAccuracies() {
        return initial.clone();
    }

    /**
     * The matrix as CSV: a header {@code after_task,task_0,…}, one row per trained task, then a
     * row {@code untrained} with the initial accuracies; empty cells for entries not measured.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("after_task");
        for (int j = 0; j < tasks; j++) {
            sb.append(",task_").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < tasks; i++) {
            sb.append(i);
            appendRow(sb, r[i]);
        }
        sb.append("untrained");
        appendRow(sb, initial);
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, double[] row) {
        for (double v : row) {
            sb.append(',');
            if (!Double.isNaN(v)) {
                sb.append(String.format(Locale.ROOT, "%.4f", v));
            }
        }
        sb.append('\n');
    }
}
