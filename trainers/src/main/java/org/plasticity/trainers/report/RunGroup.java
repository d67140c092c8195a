package org.plasticity.trainers.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Completed runs that share the values of the grouping keys (typically: the same method, different seeds).
 *
 * @param values the key values, in the order of the grouping's keys
 * @param runs   the runs
 */
public record RunGroup(List<String> values, List<RunRecord> runs) {

    public RunGroup {
        values = List.copyOf(values);
        runs = List.copyOf(runs);
    }

    /** The key values joined, e.g. {@code pmnist-hlop-dsr · finetune+hlop · dsr}. */
    public String label() {
        return String.join(" · ", values);
    }

    /** ACC over the runs. */
    public Stats acc() {
        return Stats.of(runs.stream().mapToDouble(RunRecord::acc).toArray());
    }

    /** BWT over the runs. */
    public Stats bwt() {
        return Stats.of(runs.stream().mapToDouble(RunRecord::bwt).toArray());
    }

    /** FWT over the runs. */
    public Stats fwt() {
        return Stats.of(runs.stream().mapToDouble(RunRecord::fwt).toArray());
    }

    /** Wall seconds over the runs. */
    public Stats wallSeconds() {
        return Stats.of(runs.stream().mapToDouble(RunRecord::wallSeconds).toArray());
    }

    /** The seeds, comma-separated, sorted. */
    public String seeds() {
        return runs.stream().map(RunRecord::seed).sorted().map(String::valueOf).distinct()
                .collect(Collectors.joining(","));
    }

    /**
     * The element-wise mean of the runs' accuracy matrices (NaN where no run measured a cell).
     *
     * @return the mean matrix; as large as the largest run's
     */
    public double[][] meanAccMatrix() {
        int rows = 0;
        int cols = 0;
        for (RunRecord r : runs) {
            double[][] m = r.accMatrix();
            rows = Math.max(rows, m.length);
            cols = Math.max(cols, m.length == 0 ? 0 : m[0].length);
        }
        double[][] sum = new double[rows][cols];
        int[][] count = new int[rows][cols];
        for (RunRecord r : runs) {
            double[][] m = r.accMatrix();
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[i].length; j++) {
                    if (Double.isFinite(m[i][j])) {
                        sum[i][j] += m[i][j];
                        count[i][j]++;
                    }
                }
            }
        }
        double[][] mean = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                mean[i][j] = count[i][j] > 0 ? sum[i][j] / count[i][j] : Double.NaN;
            }
        }
        return mean;
    }
}
