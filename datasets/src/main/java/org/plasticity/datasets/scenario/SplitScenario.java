package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.plasticity.datasets.formats.ImageDataset;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.MnistLike;

/**
 * One data set split into tasks by class: task {@code t} holds the classes of group {@code t},
 * with the samples of those classes in file order. Split MNIST / Split Fashion-MNIST use the
 * groups {@code t*k .. t*k+k-1}; 10-split CIFAR-100 and 20-task miniImageNet use the reference's
 * groups ({@link ReferenceSplits}). Task-incremental mode gives each task its own head with local
 * labels {@code 0..k-1} in the group's order; class-incremental mode keeps global labels and one
 * shared head over all classes of the data set.
 *
 * <p>Classes never repeat across tasks, so each task gets its own normalized feature array and no
 * sample is stored twice.
 */
public final class SplitScenario implements Scenario {

    private final String name;
    private final int dim;
    private final long[] shape;
    private final int classes;
    private final boolean taskIncremental;
    private final Task[] tasks;

    /**
     * @param name the scenario's name
     * @param data the data set
     * @param norm per-channel normalization of its images
     * @param groups the class ids of each task; no class in two groups
     * @param taskIncremental true for per-task heads with local labels, false for one shared head
     * @param trainLimit first n training samples of each task, or null for all
     * @param testLimit first n test samples of each task, or null for all
     */
    public SplitScenario(String name, ImageDataset data, ChannelNormalization norm, int[][] groups,
            boolean taskIncremental, Integer trainLimit, Integer testLimit) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(norm, "norm");
        Limits.check(trainLimit, "data.trainLimit");
        Limits.check(testLimit, "data.testLimit");
        checkGroups(groups, data.classes());
        this.name = name;
        this.dim = data.train().images().imageSize();
        this.shape = data.shape();
        this.classes = data.classes();
        this.taskIncremental = taskIncremental;
        this.tasks = new Task[groups.length];
        for (int t = 0; t < groups.length; t++) {
            int[] group = groups[t].clone();
            Split train = taskSplit(data.train(), group, norm, trainLimit, "data.trainLimit");
            Split test = taskSplit(data.test(), group, norm, testLimit, "data.testLimit");
            int outputs = taskIncremental ? group.length : classes;
            this.tasks[t] = new Task(t, name + " task " + t + " (classes " + describe(group) + ")",
                    train, test, outputs, group);
        }
    }

    /**
     * Split MNIST / Split Fashion-MNIST: reads {@code <root>/<folder>} now, so missing or corrupt
     * files fail here.
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
        int[][] groups = consecutiveGroups(tasks, classesPerTask, MnistLike.CLASSES);
        Limits.check(trainLimit, "data.trainLimit");
        Limits.check(testLimit, "data.testLimit");
        PixelNormalization norm =
                normalize ? PixelNormalization.forDataset(folder) : PixelNormalization.UNIT;
        return new SplitScenario("split-" + folder, ImageDataset.of(MnistLike.load(root, folder)),
                ChannelNormalization.repeat(norm, 1), groups, taskIncremental, trainLimit, testLimit);
    }

    /**
     * @param tasks number of groups, at most {@code classes / classesPerTask}
     * @param classesPerTask classes per group
     * @param classes classes of the data set
     * @return the groups {@code t*k .. t*k+k-1}
     * @throws IllegalArgumentException naming {@code data.tasks} or {@code data.classesPerTask}
     */
    public static int[][] consecutiveGroups(int tasks, int classesPerTask, int classes) {
        if (classesPerTask < 1 || classesPerTask > classes) {
            throw new IllegalArgumentException("data.classesPerTask must be 1.." + classes
                    + ", got " + classesPerTask);
        }
        int maxTasks = classes / classesPerTask;
        if (tasks < 1 || tasks > maxTasks) {
            throw new IllegalArgumentException("data.tasks must be 1.." + maxTasks + " (" + classes
                    + " classes / data.classesPerTask " + classesPerTask + "), got " + tasks);
        }
        int[][] groups = new int[tasks][classesPerTask];
        for (int t = 0; t < tasks; t++) {
            for (int c = 0; c < classesPerTask; c++) {
                groups[t][c] = t * classesPerTask + c;
            }
        }
        return groups;
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

    /** The images' channels, rows and columns: the spatial layout is kept. */
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
        return classes;
    }

    private static void checkGroups(int[][] groups, int classes) {
        if (groups.length == 0) {
            throw new IllegalArgumentException("no task");
        }
        boolean[] used = new boolean[classes];
        for (int[] group : groups) {
            if (group.length == 0) {
                throw new IllegalArgumentException("a task without classes");
            }
            for (int c : group) {
                if (c < 0 || c >= classes || used[c]) {
                    throw new IllegalArgumentException("class " + c + " outside 0.." + (classes - 1)
                            + " or in two tasks");
                }
                used[c] = true;
            }
        }
    }

    private static String describe(int[] group) {
        for (int c = 1; c < group.length; c++) {
            if (group[c] != group[0] + c) {
                return Arrays.toString(group);
            }
        }
        return group[0] + ".." + group[group.length - 1];
    }

    private Split taskSplit(LabeledImages split, int[] group, ChannelNormalization norm,
            Integer limit, String option) {
        int[] localOf = new int[classes];
        Arrays.fill(localOf, -1);
        for (int c = 0; c < group.length; c++) {
            localOf[group[c]] = c;
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
