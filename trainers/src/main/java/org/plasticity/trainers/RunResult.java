package org.plasticity.trainers;

import java.util.List;
import java.util.Map;

/**
 * What a run produced, as written to {@code metrics.json}. Accuracies are fractions; ACC, BWT and
 * FWT follow {@link org.plasticity.core.metrics.AccuracyMatrix}. {@code accMatrix[i][j]} is the
 * accuracy on task j after task i (null where not measured).
 *
 * @param name the run's name
 * @param method the method label (regime plus plug-ins, e.g. {@code finetune+hlop})
 * @param trainingMethod how gradients are computed ({@code bptt}, {@code dsr})
 * @param device the device the run used
 * @param tasks number of tasks
 * @param acc final average accuracy
 * @param bwt backward transfer
 * @param fwt forward transfer
 * @param accMatrix the accuracy matrix
 * @param untrainedAccuracy the untrained model's accuracy on each task
 * @param perTask one record per trained task
 * @param wallTimeSeconds the whole run, evaluation included
 * @param trainSamplesPerSecond training throughput (samples through forward, backward and update)
 */
public record RunResult(String name, String method, String trainingMethod, String device, int tasks,
                        double acc, double bwt, double fwt, List<List<Double>> accMatrix,
                        List<Double> untrainedAccuracy, List<TaskRecord> perTask,
                        double wallTimeSeconds, double trainSamplesPerSecond) {

    /**
     * One trained task.
     *
     * @param task index
     * @param name the task's name
     * @param accuracy accuracy on it right after training it
     * @param trainSeconds training time (no evaluation)
     * @param steps optimizer steps
     * @param samples training samples seen
     * @param finalLoss mean loss over the last epoch
     * @param diagnostics what method plug-ins report (subspace sizes, …)
     */
    public record TaskRecord(int task, String name, double accuracy, double trainSeconds, long steps,
                             long samples, double finalLoss, Map<String, Object> diagnostics) {
    }
}
