package org.plasticity.trainers.run;

import org.plasticity.trainers.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder that holds everything one run produced: {@code config.json} (the resolved config),
 * {@code run.log}, {@code metrics.json}, {@code acc_matrix.csv} and {@code weights.params}.
 * Checked before any work: the folder must be writable, and a folder that already holds a run may
 * only be reused by an unfinished run of the same config.
 */
public final class RunDirectory {
    public static final String CONFIG = "config.json";
    public static final String LOG = "run.log";
    public static final String METRICS = "metrics.json";
    public static final String ACC_MATRIX = "acc_matrix.csv";
    public static final String WEIGHTS = "weights.params";
    public static final String CHECKPOINTS = "checkpoints";

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** A fresh folder {@code <base>/<name>/<date-time>} for a run without an explicit folder. */
    public static Path defaultLocation(Path base, String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        return base.resolve(name).resolve(stamp);
    }

    /**
     * Prepares the folder and writes the resolved config into it.
     *
     * @param path the run folder (created when missing)
     * @param resolvedConfig the resolved config's JSON
     * @throws UserError when the folder cannot be written, holds another config, or holds a
     *     finished run
     */
    public static RunDirectory prepare(Path path, String resolvedConfig) {
        Path dir = path.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create the output directory " + dir + " (" + e.getMessage()
                    + "); choose another with --out or output.dir");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError("the output directory " + dir + " is not writable; choose another with --out or output.dir");
        }
        Path config = dir.resolve(CONFIG);
        if (Files.exists(config)) {
            String existing;
            try {
                existing = Files.readString(config, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot read " + config + ": " + e.getMessage());
            }
            if (!existing.strip().equals(resolvedConfig.strip())) {
                throw new UserError("the run directory " + dir + " already holds a run with a different config; "
                        + "choose a new --out directory");
            }
            if (Files.exists(dir.resolve(METRICS))) {
                throw new UserError("the run directory " + dir + " already holds a finished run; "
                        + "choose a new --out directory");
            }
        }
        RunDirectory run = new RunDirectory(dir);
        try {
            AtomicFiles.writeString(config, resolvedConfig);
        } catch (IOException e) {
            throw new UserError("cannot write " + config + ": " + e.getMessage());
        }
        return run;
    }

    public Path path() {
        return path;
    }

    /** A file in the run folder. */
    public Path file(String name) {
        return path.resolve(name);
    }
}
