package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the CLI in its own JVM, as a user or a cluster would, so it can be killed. */
final class CliJvm {
    private CliJvm() {
    }

    static Process start(Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:MaxDirectMemorySize=256m",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", classpath,
                "org.plasticity.trainers.cli.PlasticityCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        return pb.start();
    }

    /** Runs the CLI to its end; returns the exit code (the output is in {@code log}). */
    static int run(Path log, String... args) throws IOException, InterruptedException {
        Process p = start(log, args);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("plasticity " + String.join(" ", args) + " did not finish; log:\n"
                    + Files.readString(log));
        }
        return p.exitValue();
    }
}
