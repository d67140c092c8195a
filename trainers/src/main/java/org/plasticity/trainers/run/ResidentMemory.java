package org.plasticity.trainers.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory, logged after every task so that a long run shows whether memory
 * stays flat (Linux {@code /proc}; elsewhere unknown).
 */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    /** Resident set size in MiB, or −1 when it cannot be read. */
    public static long mebibytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * "1234 MiB (Java heap committed 800 MiB)", or "n/a": the heap grows towards its maximum
     * (-Xmx) when the JVM finds it useful, so the part outside the heap is what must stay flat.
     */
    public static String describe() {
        long mb = mebibytes();
        long heap = Runtime.getRuntime().totalMemory() >> 20;
        return mb < 0 ? "n/a" : mb + " MiB (Java heap committed " + heap + " MiB)";
    }
}
