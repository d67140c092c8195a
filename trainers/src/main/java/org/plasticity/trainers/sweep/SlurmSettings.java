package org.plasticity.trainers.sweep;

import java.util.List;
import java.util.Objects;

/**
 * What an array job asks Slurm for, per task (one task = one run). Read from the spec's {@code slurm} object and
 * overridden by the {@code sweep} command's options.
 *
 * @param partition     {@code --partition}, or null for the cluster's default partition; default null
 * @param time          {@code --time} per run, e.g. {@code 02:00:00}; default {@code 01:00:00}
 * @param mem           {@code --mem} per run, e.g. {@code 4G}; default {@code 4G}
 * @param cpusPerTask   {@code --cpus-per-task}; also each run's thread count; default 2
 * @param gpus          GPUs per run ({@code --gres=gpu:N}), or null to ask for one exactly when a run's config asks
 *                      for a GPU ({@code device} {@code gpu} or {@code gpu:N}); default null
 * @param maxConcurrent array throttle {@code %k}: at most this many runs at once, or null for no limit; default null
 * @param signalSeconds SIGTERM this many seconds before the time limit ({@code --signal=B:TERM@N}), so the run
 *                      writes a checkpoint and exits 75; default 120
 * @param requeue       {@code --requeue}: a run stopped by SIGTERM is put back in the queue and resumes; default false
 * @param extra         further {@code sbatch} options, each written as one {@code #SBATCH} line, e.g.
 *                      {@code --account=proj}; default none
 */
public record SlurmSettings(String partition, String time, String mem, int cpusPerTask, Integer gpus,
        Integer maxConcurrent, int signalSeconds, boolean requeue, List<String> extra) {

    /** The defaults. */
    public static final SlurmSettings DEFAULTS = new SlurmSettings(null, "01:00:00", "4G", 2, null, null, 120, false,
            List.of());

    public SlurmSettings {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mem, "mem");
        extra = List.copyOf(extra);
    }

    /** A copy with the partition replaced. */
    public SlurmSettings withPartition(String value) {
        return new SlurmSettings(value, time, mem, cpusPerTask, gpus, maxConcurrent, signalSeconds, requeue, extra);
    }

    /** A copy with the time limit replaced. */
    public SlurmSettings withTime(String value) {
        return new SlurmSettings(partition, value, mem, cpusPerTask, gpus, maxConcurrent, signalSeconds, requeue, extra);
    }

    /** A copy with the memory replaced. */
    public SlurmSettings withMem(String value) {
        return new SlurmSettings(partition, time, value, cpusPerTask, gpus, maxConcurrent, signalSeconds, requeue, extra);
    }

    /** A copy with the CPUs per task replaced. */
    public SlurmSettings withCpusPerTask(int value) {
        return new SlurmSettings(partition, time, mem, value, gpus, maxConcurrent, signalSeconds, requeue, extra);
    }

    /** A copy with the GPUs per run replaced. */
    public SlurmSettings withGpus(Integer value) {
        return new SlurmSettings(partition, time, mem, cpusPerTask, value, maxConcurrent, signalSeconds, requeue, extra);
    }

    /** A copy with the array throttle replaced. */
    public SlurmSettings withMaxConcurrent(Integer value) {
        return new SlurmSettings(partition, time, mem, cpusPerTask, gpus, value, signalSeconds, requeue, extra);
    }

    /** A copy with the early-signal lead time replaced. */
    public SlurmSettings withSignalSeconds(int value) {
        return new SlurmSettings(partition, time, mem, cpusPerTask, gpus, maxConcurrent, value, requeue, extra);
    }

    /** A copy with requeueing switched. */
    public SlurmSettings withRequeue(boolean value) {
        return new SlurmSettings(partition, time, mem, cpusPerTask, gpus, maxConcurrent, signalSeconds, value, extra);
    }
}
