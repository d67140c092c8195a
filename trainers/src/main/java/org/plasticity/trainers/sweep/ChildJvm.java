package org.plasticity.trainers.sweep;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts the {@code plasticity} CLI in a new JVM the way this one was started: the same
 * {@code java}, memory limits, system properties and class path. The local executor starts runs with it, and the
 * Slurm executor writes it into the array script (so cluster nodes need the same paths, e.g. a shared home).
 *
 * @param command {@code java}, its options, {@code -cp}, the class path and the CLI's main class
 */
public record ChildJvm(List<String> command) {

    private static final String MAIN = "org.plasticity.trainers.cli.PlasticityCli";

    public ChildJvm {
        command = List.copyOf(command);
    }

    /** The command line of this JVM's own CLI. */
    public static ChildJvm current() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (inherited(arg)) {
                cmd.add(arg);
            }
        }
        if (cmd.stream().noneMatch(a -> a.startsWith("-Dai.djl.offline="))) {
            cmd.add("-Dai.djl.offline=true");
        }
        // Under Surefire the JVM's class path is a launcher jar; the real one is in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(MAIN);
        return new ChildJvm(cmd);
    }

    /** Memory limits and system properties travel; debuggers, agents and Surefire's own settings do not. */
    private static boolean inherited(String arg) {
        return arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-Xss")
                || arg.startsWith("-XX:MaxDirectMemorySize") || arg.startsWith("-XX:+UseSerialGC")
                || (arg.startsWith("-D") && !arg.startsWith("-Dsurefire") && !arg.startsWith("-Dbasedir")
                        && !arg.startsWith("-Dlocal"));
    }
}
