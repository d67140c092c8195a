package org.plasticity.trainers.continual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.plasticity.core.metrics.AccuracyMatrix;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.trainers.RunResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a continual run stands, everything a checkpoint needs besides the tensors: the position in
 * the task stream (task, epoch, next batch), the counters of the current task, the accuracy matrix
 * and the records of finished tasks. Data order and engine randomness are functions of the
 * position and the run seed, so the position is all the random state a resumed run needs.
 */
final class RunProgress {
    private static final ObjectMapper JSON = new ObjectMapper();

    int task;
    int epoch;
    int batch;
    /** Optimizer steps, samples and skipped batches so far in the current task. */
    long steps;
    long samples;
    long skipped;
    double epochLossSum;
    double lastEpochLoss = Double.NaN;
    double taskSeconds;
    double totalTrainSeconds;
    long totalSamples;
    double wallSecondsBefore;
    boolean untrainedEvaluated;
    boolean taskStarted;
    final AccuracyMatrix matrix;
    final List<RunResult.TaskRecord> records = new ArrayList<>();

    RunProgress(int tasks) {
        this.matrix = new AccuracyMatrix(tasks);
    }

    /** Moves to the start of the next task. */
    void nextTask() {
        task++;
        epoch = 0;
        batch = 0;
        steps = 0;
        samples = 0;
        skipped = 0;
        epochLossSum = 0;
        lastEpochLoss = Double.NaN;
        taskSeconds = 0;
        taskStarted = false;
    }

    void save(Checkpoint c, String p) {
        c.putLongs(p + "position", task, epoch, batch, steps, samples, skipped, totalSamples,
                untrainedEvaluated ? 1 : 0, taskStarted ? 1 : 0);
        c.putDoubles(p + "sums", epochLossSum, lastEpochLoss, taskSeconds, totalTrainSeconds, wallSecondsBefore);
        int n = matrix.tasks();
        double[] flat = new double[n * n + n];
        double[][] rows = matrix.rows();
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        System.arraycopy(matrix.initialAccuracies(), 0, flat, n * n, n);
        c.putDoubles(p + "matrix", flat);
        try {
            c.putString(p + "records", JSON.writeValueAsString(records));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void restore(Checkpoint c, String p) {
        long[] pos = c.longs(p + "position");
        task = (int) pos[0];
        epoch = (int) pos[1];
        batch = (int) pos[2];
        steps = pos[3];
        samples = pos[4];
        skipped = pos[5];
        totalSamples = pos[6];
        untrainedEvaluated = pos[7] == 1;
        taskStarted = pos[8] == 1;
        double[] sums = c.doubles(p + "sums");
        epochLossSum = sums[0];
        lastEpochLoss = sums[1];
        taskSeconds = sums[2];
        totalTrainSeconds = sums[3];
        wallSecondsBefore = sums[4];
        double[] flat = c.doubles(p + "matrix");
        int n = matrix.tasks();
        if (flat.length != n * n + n) {
            throw new IllegalStateException("checkpoint holds a matrix for another number of tasks");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix.set(i, j, flat[i * n + j]);
            }
            matrix.setInitial(i, flat[n * n + i]);
        }
        try {
            records.clear();
            records.addAll(JSON.readValue(c.string(p + "records"), new TypeReference<List<RunResult.TaskRecord>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable task records in checkpoint", e);
        }
    }
}
