package org.plasticity.datasets.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.plasticity.datasets.formats.ImageDataset;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.LabeledImages;

/**
 * A sequence of data sets, one task each (5-Datasets, MNIST → Fashion-MNIST → digits): task
 * {@code t} is the whole of data set {@code t}, official splits in file order, its images
 * transformed to the common shape and normalized with that data set's statistics. Labels are the
 * data set's own {@code 0..k-1}. With per-task heads (task-incremental) each task has a head of
 * its {@code k} classes; with a shared head (domain-incremental) all tasks share one head of
 * {@code k} units, so every data set must have the same number of classes.
 */
public final class DatasetSequence implements Scenario {

    /**
     * One data set of the sequence.
     *
     * @param data the data set
     * @param transform pixel-byte transform to the sequence's common shape (padding, channels)
     * @param norm the data set's normalization, applied after the transform
     */
    public record Stage(ImageDataset data, UnaryOperator<ImageSet> transform, ChannelNormalization norm) {

        /** Checks that nothing is null. */
        public Stage {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(transform, "transform");
            Objects.requireNonNull(norm, "norm");
        }
    }

    private final String name;
    private final long[] shape;
    private final int dim;
    private final boolean perTaskHeads;
    private final int sharedOutputs;
    private final Task[] tasks;

    /**
     * @param name the scenario's name
     * @param stages the data sets in task order
     * @param perTaskHeads true for one head per task, false for one shared head
     * @param trainLimit first n training samples of each task, or null for all
     * @param testLimit first n test samples of each task, or null for all
     * @throws IllegalArgumentException if the transformed images differ in shape, or a shared head
     *     is asked for data sets of different class counts
     */
    public DatasetSequence(String name, List<Stage> stages, boolean perTaskHeads, Integer trainLimit,
            Integer testLimit) {
        this.name = Objects.requireNonNull(name, "name");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no data set");
        }
        this.perTaskHeads = perTaskHeads;
        this.sharedOutputs = stages.get(0).data().classes();
        this.tasks = new Task[stages.size()];
        long[] firstShape = null;
        int offset = 0;
        for (int t = 0; t < stages.size(); t++) {
            Stage s = stages.get(t);
            int k = s.data().classes();
            if (!perTaskHeads && k != sharedOutputs) {
                throw new IllegalArgumentException("a shared head needs data sets of one class count; "
                        + s.data().name() + " has " + k + ", the first " + sharedOutputs);
            }
            ImageSet train = transformed(s, s.data().train(), trainLimit, "data.trainLimit");
            ImageSet test = transformed(s, s.data().test(), testLimit, "data.testLimit");
            long[] shapeHere = {train.channels(), train.rows(), train.cols()};
            if (firstShape == null) {
                firstShape = shapeHere;
            } else if (!Arrays.equals(firstShape, shapeHere)) {
                throw new IllegalArgumentException(s.data().name() + " images are "
                        + train.shapeText() + " after the transform, the first task's "
                        + firstShape[0] + "x" + firstShape[1] + "x" + firstShape[2]);
            }
            int[] classes = new int[k];
            for (int c = 0; c < k; c++) {
                classes[c] = (perTaskHeads ? offset : 0) + c;
            }
            offset += k;
            tasks[t] = new Task(t, name + " task " + t + " (" + s.data().name() + ")",
                    split(s, train, s.data().train(), trainLimit), split(s, test, s.data().test(),
                    testLimit), perTaskHeads ? k : sharedOutputs, classes);
        }
        this.shape = firstShape;
        this.dim = Math.toIntExact(firstShape[0] * firstShape[1] * firstShape[2]);
    }

    private static ImageSet transformed(Stage s, LabeledImages split, Integer limit, String option) {
        return s.transform().apply(ImageTransforms.first(split, limit, option).images());
    }

    private static Split split(Stage s, ImageSet images, LabeledImages source, Integer limit) {
        int[] labels = Arrays.copyOf(source.labels(), images.count());
        return Split.of(s.norm().apply(images, Limits.firstN(images.count())), images.imageSize(),
                labels);
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
        return perTaskHeads;
    }

    @Override
    public int sharedOutputs() {
        return sharedOutputs;
    }
}
