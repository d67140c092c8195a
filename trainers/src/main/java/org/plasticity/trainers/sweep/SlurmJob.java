package org.plasticity.trainers.sweep;

/**
 * One array job the Slurm executor submitted for a sweep.
 *
 * @param jobId     the array job's id, as {@code sbatch --parsable} printed it
 * @param array     the {@code --array} value: the run indexes (and the {@code %k} throttle)
 * @param script    the batch script, relative to the sweep folder
 * @param submitted when (ISO-8601)
 */
public record SlurmJob(String jobId, String array, String script, String submitted) {
}
