package org.plasticity.trainers.sweep;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.plasticity.trainers.run.AtomicFiles;

/**
 * The outcome of one execution of a sweep: every run with what happened to it. Printed at the end and written to
 * {@code summary.txt} and {@code summary.json} in the sweep folder.
 *
 * @param name     the sweep's name
 * @param executor {@code local} or {@code slurm}
 * @param runs     the outcomes, by run index
 */
public record SweepSummary(String name, String executor, List<RunOutcome> runs) {

    /** Exit code of a sweep in which some run failed (the others ran). */
    public static final int SOME_FAILED = 4;

    /** Exit code of a sweep that was stopped before every run finished. */
    public static final int STOPPED = 75;

    public SweepSummary {
        runs = List.copyOf(runs);
    }

    /** Runs per kind. */
    public Map<RunOutcome.Kind, Integer> counts() {
        Map<RunOutcome.Kind, Integer> counts = new EnumMap<>(RunOutcome.Kind.class);
        for (RunOutcome.Kind k : RunOutcome.Kind.values()) {
            counts.put(k, 0);
        }
        runs.forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
        return counts;
    }

    /** 0 when every run is complete (or submitted), {@link #SOME_FAILED} when one failed, else {@link #STOPPED}. */
    public int exitCode() {
        Map<RunOutcome.Kind, Integer> c = counts();
        if (c.get(RunOutcome.Kind.FAILED) > 0) {
            return SOME_FAILED;
        }
        return c.get(RunOutcome.Kind.STOPPED) + c.get(RunOutcome.Kind.NOT_RUN) > 0 ? STOPPED : 0;
    }

    /** The summary as text: one count line, then one line per run. */
    public String render() {
        Map<RunOutcome.Kind, Integer> c = counts();
        StringBuilder out = new StringBuilder();
        out.append("sweep ").append(name).append(" (").append(executor).append("): ").append(runs.size())
                .append(" runs: ")
                .append(c.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")))
                .append('\n');
        for (RunOutcome r : runs) {
            out.append(String.format("  %4d  %-12s  %-10s %s", r.index(), r.id(), r.kind().label(), r.label()));
            if (r.seconds() > 0) {
                out.append(String.format("  (%.1f s)", r.seconds()));
            }
            if (r.reason() != null) {
                out.append("\n          ").append(r.exitCode() != null ? "exit " + r.exitCode() + ": " : "")
                        .append(r.reason());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes {@code summary.txt} and {@code summary.json} into the sweep folder. */
    public void write(Path sweepDir) {
        try {
            AtomicFiles.writeString(sweepDir.resolve("summary.txt"), render());
        } catch (java.io.IOException e) {
            throw new org.plasticity.trainers.UserError("cannot write the summary into " + sweepDir + ": "
                    + e.getMessage());
        }
        SweepJson.write(sweepDir.resolve("summary.json"), this);
    }
}
