package org.plasticity.trainers.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A sweep: a base experiment config, fixed settings, axes whose product gives the runs, and seeds. Read it with
 * {@link SweepSpecReader}; expand it with {@link SweepExpander}.
 *
 * @param source     the spec file
 * @param name       the sweep's name (default: the spec file's name without {@code .json})
 * @param baseJson   the base config's JSON text
 * @param baseSource what messages call the base config (its file, or the spec's {@code base})
 * @param set        settings applied to every run before the axes
 * @param axes       the axes, outermost first
 * @param seeds      the seeds, the innermost axis; empty to keep the base config's seed
 * @param out        where the sweep's runs go, or null for {@code runs/sweeps/<name>}
 * @param slurm      what the Slurm executor asks for
 */
public record SweepSpec(Path source, String name, String baseJson, String baseSource, List<Setting> set,
        List<Axis> axes, List<Long> seeds, String out, SlurmSettings slurm) {

    public SweepSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseJson, "baseJson");
        Objects.requireNonNull(baseSource, "baseSource");
        Objects.requireNonNull(slurm, "slurm");
        set = List.copyOf(set);
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
    }

    /** The sweep's output folder: the spec's {@code out}, else {@code runs/sweeps/<name>} (relative to the cwd). */
    public Path outDir() {
        return Path.of(out != null ? out : "runs/sweeps/" + name);
    }
}
