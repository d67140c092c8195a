package org.plasticity.trainers.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The state of every run of a sweep, read from the run folders and, for runs handed to Slurm, from {@code squeue}.
 * Reads only; writes nothing.
 */
public final class SweepStatus {

    /**
     * One run's row.
     *
     * @param index  its index
     * @param id     its id
     * @param label  its settings
     * @param state  its state
     * @param detail the queue state or the reason of a failure, or null
     */
    public record Row(int index, String id, String label, RunState state, String detail) {
    }

    private SweepStatus() {
    }

    /**
     * Reads the state of every run.
     *
     * @param sweepDir the sweep folder
     * @param manifest its manifest
     * @param slurm    the Slurm commands, or null to leave the queue out
     * @return one row per run, by index
     */
    public static List<Row> read(Path sweepDir, SweepManifest manifest, SlurmClient slurm) {
        Map<Integer, String> queued = new TreeMap<>();
        if (slurm != null && slurm.canQuery()) {
            for (SlurmJob job : manifest.slurmJobs()) {
                slurm.queuedTasks(job.jobId()).forEach((i, s) -> queued.put(i, job.jobId() + "_" + i + " " + s));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ManifestRun r : manifest.runs()) {
            RunInspector.Observation seen = RunInspector.inspect(sweepDir.resolve(r.id()));
            RunState state = seen.state();
            String detail = seen.reason();
            String queue = queued.get(r.index());
            if (queue != null && state != RunState.COMPLETED) {
                state = queue.endsWith("PENDING") ? RunState.SUBMITTED : RunState.RUNNING;
                detail = "Slurm job " + queue.toLowerCase(java.util.Locale.ROOT);
            }
            rows.add(new Row(r.index(), r.id(), r.label(), state, detail));
        }
        return rows;
    }

    /** The rows as a table plus one count line. */
    public static String render(String name, List<Row> rows) {
        Map<RunState, Integer> counts = new EnumMap<>(RunState.class);
        rows.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        out.append("sweep ").append(name).append(": ").append(rows.size()).append(" runs: ")
                .append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                        .collect(Collectors.joining(", ")))
                .append('\n');
        for (Row r : rows) {
            out.append(String.format("  %4d  %-12s  %-9s  %s%s%n", r.index(), r.id(), r.state().label(), r.label(),
                    r.detail() != null ? "  [" + r.detail() + "]" : ""));
        }
        return out.toString();
    }
}
