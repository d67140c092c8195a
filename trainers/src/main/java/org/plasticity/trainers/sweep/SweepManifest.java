package org.plasticity.trainers.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plasticity.trainers.UserError;

/**
 * {@code sweep.json} in a sweep's folder: the expanded runs (index, id, settings, resolved config, last known status)
 * and the Slurm jobs submitted for them. Written atomically. Expanding the spec again keeps every known run's index,
 * so a resubmitted or resumed sweep never renumbers its runs: new runs get new indexes after the largest.
 *
 * @param name      the sweep's name
 * @param spec      the spec file it was expanded from (absolute)
 * @param runs      the runs, by index
 * @param slurmJobs the array jobs submitted so far
 */
public record SweepManifest(String name, String spec, List<ManifestRun> runs, List<SlurmJob> slurmJobs) {

    /** The manifest's file name in the sweep folder. */
    public static final String FILE = "sweep.json";

    public SweepManifest {
        runs = runs.stream().sorted(Comparator.comparingInt(ManifestRun::index)).toList();
        slurmJobs = slurmJobs == null ? List.of() : List.copyOf(slurmJobs);
    }

    /**
     * The manifest of an expansion, keeping the indexes and statuses of the runs an earlier manifest already had.
     *
     * @param spec      the sweep
     * @param expansion its runs
     * @param previous  the manifest already in the sweep folder, if any
     * @return the manifest; runs no longer in the spec are dropped from it (their folders stay)
     */
    public static SweepManifest of(SweepSpec spec, SweepExpander.Expansion expansion, Optional<SweepManifest> previous) {
        Map<String, ManifestRun> known = new HashMap<>();
        int next = 0;
        if (previous.isPresent()) {
            for (ManifestRun r : previous.get().runs()) {
                known.put(r.id(), r);
                next = Math.max(next, r.index() + 1);
            }
        }
        List<ManifestRun> runs = new ArrayList<>();
        for (SweepRun run : expansion.runs()) {
            ManifestRun old = known.get(run.id());
            ManifestRun fresh = ManifestRun.of(old != null ? old.index() : next++, run);
            runs.add(old != null ? fresh.with(old.state(), old.reason()) : fresh);
        }
        List<SlurmJob> jobs = previous.map(SweepManifest::slurmJobs).orElse(List.of());
        return new SweepManifest(spec.name(), spec.source().toAbsolutePath().normalize().toString(), runs, jobs);
    }

    /**
     * A manifest and the sweep folder it lives in.
     *
     * @param dir      the sweep folder
     * @param manifest its manifest
     */
    public record Located(Path dir, SweepManifest manifest) {
    }

    /** The manifest file of a sweep folder. */
    public static Path file(Path sweepDir) {
        return sweepDir.resolve(FILE);
    }

    /** Reads the manifest of a sweep folder, if there is one. */
    public static Optional<SweepManifest> readIfPresent(Path sweepDir) {
        Path file = file(sweepDir);
        return Files.isRegularFile(file) ? Optional.of(SweepJson.read(file, SweepManifest.class)) : Optional.empty();
    }

    /**
     * Reads a manifest.
     *
     * @param file {@code sweep.json}, or a sweep folder holding one
     * @return the manifest
     * @throws UserError when there is none
     */
    public static SweepManifest read(Path file) {
        Path f = Files.isDirectory(file) ? file(file) : file;
        if (!Files.isRegularFile(f)) {
            throw new UserError(f + ": no sweep manifest; start the sweep with plasticity sweep SPEC");
        }
        return SweepJson.read(f, SweepManifest.class);
    }

    /** Writes the manifest into a sweep folder, atomically. */
    public void write(Path sweepDir) {
        SweepJson.write(file(sweepDir), this);
    }

    /** The run with an index. */
    public Optional<ManifestRun> run(int index) {
        return runs.stream().filter(r -> r.index() == index).findFirst();
    }

    /** A copy with one run replaced (matched by index). */
    public SweepManifest with(ManifestRun run) {
        List<ManifestRun> copy = new ArrayList<>(runs);
        copy.replaceAll(r -> r.index() == run.index() ? run : r);
        return new SweepManifest(name, spec, copy, slurmJobs);
    }

    /** A copy with one more submitted job. */
    public SweepManifest with(SlurmJob job) {
        List<SlurmJob> jobs = new ArrayList<>(slurmJobs);
        jobs.add(job);
        return new SweepManifest(name, spec, runs, jobs);
    }
}
