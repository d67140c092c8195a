package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.MnistLike;

/**
 * Split MNIST / Split Fashion-MNIST: task {@code t} holds classes
 * {@code t*k .. t*k+k-1} ({@code k} = classes per task), with the samples of those classes in file
 * order. Task-incremental mode gives each task its own head with local labels {@code 0..k-1} (in
 * the group's order); class-incremental mode keeps global labels and one shared head of 10.
 *
 * <p>Classes never repeat across tasks, so each task gets its own normalized feature array and no
 * sample is stored twice.
 */
public final class SplitScenario implements Scenario {

    private final String name;
    private final int dim;
    private final long[] shape;
    private final boolean taskIncremental;
    private final Task[] tasks;

    /**
     * @param data the data set
     * @param norm pixel normalization
     * @param tasks number of tasks, at most {@code 10 / classesPerTask}
     * @param classesPerTask classes per task, 1..10
     * @param taskIncremental true for per-task heads with local labels, false for one shared head
     * @param trainLimit first n training samples of each task, or null for all
     * @param testLimit first n test samples of each task, or null for all
     */
    public SplitScenario(MnistLike data, PixelNormalization norm, int tasks, int classesPerTask,
            boolean taskIncremental, Integer trainLimit, Integer testLimit) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(norm, "norm");
        checkOptions(tasks, classesPerTask, trainLimit, testLimit);
        this.name = "split-" + data.folder();
        this.dim = data.imageSize();
        this.shape = new long[] {1, data.train().images().rows(), data.train().images().cols()};
        this.taskIncremental = taskIncremental;
        this.tasks = new Task[tasks];
        for (int t = 0; t < tasks; t++) {
            int[] classes = new int[classesPerTask];
            for (int c = 0; c < classesPerTask; c++) {
                classes[c] = t * classesPerTask + c;
            }
            Split train = taskSplit(data.train(), classes, norm, trainLimit, "data.trainLimit");
            Split test = taskSplit(data.test(), classes, norm, testLimit, "data.testLimit");
            int outputs = taskIncremental ? classesPerTask : MnistLike.CLASSES;
            this.tasks[t] = new Task(t, name + " task " + t + " (classes " + classes[0] + ".."
                    + classes[classesPerTask - 1] + ")", train, test, outputs, classes);
        }
    }

    /**
     * Reads {@code <root>/<folder>} now, so missing or corrupt files fail here.
     *
     * @param root the data root
     * @param folder {@code mnist} or {@code fashion-mnist}
     * @param tasks number of tasks, at most {@code 10 / classesPerTask}
     * @param classesPerTask classes per task
     * @param taskIncremental per-task heads (true) or one shared head (false)
     * @param trainLimit first n training samples of each task, or null for all
     * @param testLimit first n test samples of each task, or null for all
     * @param normalize the data set's mean/std normalization (true) or {@code x / 255} (false)
     * @return the scenario
     */
    public static SplitScenario load(Path root, String folder, int tasks, int classesPerTask,
            boolean taskIncremental, Integer trainLimit, Integer testLimit, boolean normalize) {
        checkOptions(tasks, classesPerTask, trainLimit, testLimit);
        PixelNormalization norm =
                normalize ? PixelNormalization.forDataset(folder) : PixelNormalization.UNIT;
        return new SplitScenario(MnistLike.load(root, folder), norm, tasks, classesPerTask,
                taskIncremental, trainLimit, testLimit);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int numTasks() {
        return tasks.length;
    }

    @Override
    public int inputDim() {
        return dim;
    }

    /** One grey channel of the images' rows and columns: the spatial layout is kept. */
    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public Task task(int t) {
        Objects.checkIndex(t, tasks.length);
        return tasks[t];
    }

    @Override
    public boolean taskIncremental() {
        return taskIncremental;
    }

    @Override
    public int sharedOutputs() {
        return MnistLike.CLASSES;
    }

    private static void checkOptions(
            int tasks, int classesPerTask, Integer trainLimit, Integer testLimit) {
        if (classesPerTask < 1 || classesPerTask > MnistLike.CLASSES) {
            throw new IllegalArgumentException("data.classesPerTask must be 1.." + MnistLike.CLASSES
                    + ", got " + classesPerTask);
        }
        int maxTasks = MnistLike.CLASSES / classesPerTask;
        if (tasks < 1 || tasks > maxTasks) {
            throw new IllegalArgumentException("data.tasks must be 1.." + maxTasks + " ("
                    + MnistLike.CLASSES + " classes / data.classesPerTask " + classesPerTask
                    + "), got " + tasks);
        }
        Limits.check(trainLimit, "data.trainLimit");
        Limits.check(testLimit, "data.testLimit");
    }

    private Split taskSplit(LabeledImages split, int[] classes, PixelNormalization norm,
            Integer limit, String option) {
        int[] localOf = new int[MnistLike.CLASSES];
        Arrays.fill(localOf, -1);
        for (int c = 0; c < classes.length; c++) {
            localOf[classes[c]] = c;
        }
        int[] labels = split.labels();
        int matching = 0;
        for (int label : labels) {
            if (localOf[label] >= 0) {
                matching++;
            }
        }
        int n = Limits.apply(limit, matching, option);
        int[] rows = new int[n];
        int[] taskLabels = new int[n];
        for (int i = 0, j = 0; j < n; i++) {
            int local = localOf[labels[i]];
            if (local >= 0) {
                rows[j] = i;
                taskLabels[j] = taskIncremental ? local : labels[i];
                j++;
            }
        }
        return Split.of(norm.apply(split.images(), rows), dim, taskLabels);
    }
}
