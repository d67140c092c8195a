package org.plasticity.trainers.sizing;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;

/**
 * The memory a run may use. Tensors live in the engine's native memory (PyTorch's allocator), outside the Java heap
 * and outside the JVM's direct-memory limit, so the whole network is compared with the machine's (or container's)
 * memory. Each initial weight is drawn into a Java {@code float[]} (one array, at most 2³¹ − 1 elements, on the heap)
 * and copied to the engine through a direct buffer, so each single weight tensor must also fit the heap and the
 * direct-memory limit.
 *
 * @param machineBytes the machine's memory as the JVM sees it (a container's limit included)
 * @param heapBytes the JVM's maximum heap ({@code -Xmx})
 * @param directBytes the JVM's direct-memory limit ({@code -XX:MaxDirectMemorySize}; the heap size when unset)
 */
public record MemoryLimits(double machineBytes, double heapBytes, double directBytes) {
    /** The largest Java array of floats. */
    public static final double MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** This JVM's limits. */
    public static MemoryLimits ofThisJvm() {
        double heap = Runtime.getRuntime().maxMemory();
        double machine = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        double direct = heap;
        try {
            String value = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("MaxDirectMemorySize").getValue();
            long set = Long.parseLong(value);
            direct = set > 0 ? set : heap;
        } catch (RuntimeException unknown) {
            // not a HotSpot JVM: assume the default, the heap size
        }
        return new MemoryLimits(machine, heap, direct);
    }
}
