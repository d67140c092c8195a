package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one run as {@code plasticity sweep run-index MANIFEST --index I --threads T} in a new JVM. The child watches
 * this process and stops itself with a checkpoint (exit 75) when this one dies, so a killed sweep leaves no run
 * behind.
 */
public final class JvmStarter implements LocalExecutor.Starter {

    private final ChildJvm jvm;
    private final Path manifest;

    /**
     * @param jvm      the CLI's command line
     * @param manifest the sweep's {@code sweep.json}
     */
    public JvmStarter(ChildJvm jvm, Path manifest) {
        this.jvm = jvm;
        this.manifest = manifest.toAbsolutePath().normalize();
    }

    @Override
    public Process start(ManifestRun run, int threads, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(jvm.command());
        cmd.addAll(List.of("sweep", "run-index", manifest.toString(), "--index", Integer.toString(run.index()),
                "--threads", Integer.toString(threads), "--watch-parent",
                Long.toString(ProcessHandle.current().pid())));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        return pb.start();
    }
}
