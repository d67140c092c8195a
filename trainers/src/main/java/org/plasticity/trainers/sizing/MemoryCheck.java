package org.plasticity.trainers.sizing;

import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.TrainingConfig;

import java.util.List;
import java.util.Locale;

/**
 * Refuses, before anything is built or written, a network that cannot fit: a weight tensor larger than a Java array,
 * the heap or the direct-memory limit (see {@link MemoryLimits}), or parameters, gradients, optimizer state and one
 * training batch's activations together larger than the machine's memory. The message names the key that sets the
 * size and the figure needed. The estimate is rough (within a small factor) and errs low, so it refuses only what
 * certainly cannot run.
 */
public final class MemoryCheck {
    private static final double FLOAT = 4;

    private MemoryCheck() {
    }

    /**
     * Checks a config against limits.
     *
     * @param config the validated config
     * @param scenario its data
     * @param heads output units of each head
     * @param limits the memory available
     * @throws UserError naming the key when the network cannot fit
     */
    public static void check(ExperimentConfig config, Scenario scenario, List<Integer> heads, MemoryLimits limits) {
        NetworkSize size = NetworkSizes.of(config.model(), scenario, heads);
        NetworkSize.Tensor largest = size.largest();
        double tensorBytes = largest.elements() * FLOAT;
        String tensor = "the " + largest.shape() + " weight (" + bytes(tensorBytes) + ")";
        if (largest.elements() > MemoryLimits.MAX_ARRAY) {
            throw new UserError(largest.key() + ": " + tensor + " has more elements than a Java array holds "
                    + "(2^31 - 1); initial weights are drawn in one array; reduce it");
        }
        if (tensorBytes > limits.heapBytes()) {
            throw new UserError(largest.key() + ": " + tensor + " needs more than the Java heap's "
                    + bytes(limits.heapBytes()) + "; raise -Xmx (JAVA_OPTS) or reduce it");
        }
        if (tensorBytes > limits.directBytes()) {
            throw new UserError(largest.key() + ": " + tensor + " needs more than the JVM's direct memory of "
                    + bytes(limits.directBytes()) + " (initial weights reach the engine through a direct buffer); "
                    + "raise -XX:MaxDirectMemorySize (JAVA_OPTS) or reduce it");
        }
        TrainingConfig training = config.training();
        int copies = 2 + training.optimizer().stateSlots();
        double state = size.parameters() * copies * FLOAT;
        int steps = training.method().equals("ottt") ? 1 : config.model().timesteps();
        double activations = size.activationsPerSampleStep() * training.batchSize() * steps * FLOAT;
        double total = state + activations;
        if (total > limits.machineBytes()) {
            String key = activations > state ? "training.batchSize" : largest.key();
            throw new UserError(key + ": the network needs about " + bytes(total) + " (" + count(size.parameters())
                    + " parameters with gradients and optimizer state: " + bytes(state) + "; activations of one "
                    + "training batch of " + training.batchSize() + " over " + steps + " steps: " + bytes(activations)
                    + "), more than this machine's " + bytes(limits.machineBytes()) + " of memory (tensors live in "
                    + "native memory, outside the Java heap)");
        }
    }

    static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
    }

    static String count(double n) {
        return n < 1e6 ? String.format(Locale.ROOT, "%.0f", n)
                : n < 1e9 ? String.format(Locale.ROOT, "%.1f M", n / 1e6)
                : String.format(Locale.ROOT, "%.1f G", n / 1e9);
    }
}
