package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.MnistLike;

/**
 * Permuted MNIST as in the HLOP reference ({@code dataloader/pmnist.py}): every task, the first
 * included, is the full MNIST split with its pixels permuted. Pixels are scaled and normalized
 * (mean 0.1307, std 0.3081) and then permuted: task {@code i} shows {@code image[perm_i]}, i.e.
 * feature {@code k} is original pixel {@code perm_i[k]}, where {@code perm_i} is numpy
 * {@code RandomState(seeds[i] * 100 + i).shuffle(arange(784))} and {@code seeds} is sklearn's
 * {@code shuffle(arange(10), random_state=2022)}. Labels are the digits 0..9 with one shared head
 * of 10. All tasks share one normalized base array per split and only differ in their permutation.
 */
public final class PermutedMnist implements Scenario {

    /** Number of tasks the reference protocol defines. */
    public static final int MAX_TASKS = 10;
    /** Seed of the random state that orders the task seeds. */
    public static final long SEED_ORDER_SEED = 2022;

    private final String name;
    private final int dim;
    private final int[][] permutations;
    private final Task[] tasks;

    /**
     * @param data MNIST (Fashion-MNIST also works, normalized with its own statistics)
     * @param tasks number of tasks, 1..10
     * @param trainLimit take the first n training samples, or null for all
     * @param testLimit take the first n test samples, or null for all
     * @param normalize true for mean/std normalization, false for plain {@code x / 255} in [0, 1]
     */
    public PermutedMnist(
            MnistLike data, int tasks, Integer trainLimit, Integer testLimit, boolean normalize) {
        Objects.requireNonNull(data, "data");
        checkOptions(tasks, trainLimit, testLimit);
        this.name = "permuted-" + data.folder();
        this.dim = data.imageSize();
        PixelNormalization norm =
                normalize ? PixelNormalization.forDataset(data.folder()) : PixelNormalization.UNIT;
        Split train = baseSplit(data.train(), norm,
                Limits.apply(trainLimit, data.train().size(), "data.trainLimit"));
        Split test = baseSplit(data.test(), norm,
                Limits.apply(testLimit, data.test().size(), "data.testLimit"));
        int[] seeds = taskSeeds();
        this.permutations = new int[tasks][];
        this.tasks = new Task[tasks];
        int[] classes = Limits.firstN(MnistLike.CLASSES);
        for (int i = 0; i < tasks; i++) {
            long seed = seeds[i] * 100L + i;
            permutations[i] = NumpyRandomState.shuffledRange(dim, seed);
            this.tasks[i] = new Task(i, name + " task " + i + " (permutation seed " + seed + ")",
                    train.permuted(permutations[i]), test.permuted(permutations[i]),
                    MnistLike.CLASSES, classes);
        }
    }

    /**
     * Normalized like the reference: mean 0.1307, std 0.3081.
     *
     * @param data MNIST
     * @param tasks number of tasks, 1..10
     * @param trainLimit first n training samples, or null for all
     * @param testLimit first n test samples, or null for all
     */
    public PermutedMnist(MnistLike data, int tasks, Integer trainLimit, Integer testLimit) {
        this(data, tasks, trainLimit, testLimit, true);
    }

    /**
     * Reads MNIST from {@code <root>/mnist} now, so missing or corrupt files fail here.
     *
     * @param root the data root
     * @param tasks number of tasks, 1..10
     * @param trainLimit first n training samples, or null for all
     * @param testLimit first n test samples, or null for all
     * @param normalize true for mean/std normalization, false for {@code x / 255}
     * @return the scenario
     */
    public static PermutedMnist load(
            Path root, int tasks, Integer trainLimit, Integer testLimit, boolean normalize) {
        checkOptions(tasks, trainLimit, testLimit);
        return new PermutedMnist(MnistLike.load(root, MnistLike.MNIST), tasks, trainLimit,
                testLimit, normalize);
    }

    /** @return the per-task seed bases, sklearn {@code shuffle(arange(10), random_state=2022)} */
    public static int[] taskSeeds() {
        return NumpyRandomState.shuffledRange(MAX_TASKS, SEED_ORDER_SEED);
    }

    /**
     * @param task task index
     * @return a copy of its pixel permutation: feature k of the task is original pixel perm[k]
     */
    public int[] permutation(int task) {
        Objects.checkIndex(task, tasks.length);
        return Arrays.copyOf(permutations[task], dim);
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

    @Override
    public Task task(int t) {
        Objects.checkIndex(t, tasks.length);
        return tasks[t];
    }

    @Override
    public boolean taskIncremental() {
        return false;
    }

    @Override
    public int sharedOutputs() {
        return MnistLike.CLASSES;
    }

    private static void checkOptions(int tasks, Integer trainLimit, Integer testLimit) {
        if (tasks < 1 || tasks > MAX_TASKS) {
            throw new IllegalArgumentException("data.tasks must be 1.." + MAX_TASKS
                    + " for permuted-mnist (the protocol defines " + MAX_TASKS + " permutations), got "
                    + tasks);
        }
        Limits.check(trainLimit, "data.trainLimit");
        Limits.check(testLimit, "data.testLimit");
    }

    private static Split baseSplit(LabeledImages split, PixelNormalization norm, int n) {
        float[] base = norm.apply(split.images(), Limits.firstN(n));
        return Split.of(base, split.images().imageSize(), Arrays.copyOf(split.labels(), n));
    }
}
