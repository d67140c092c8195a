package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.plasticity.datasets.formats.Cifar;
import org.plasticity.datasets.formats.ImageDataset;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.MnistLike;
import org.plasticity.datasets.formats.NotMnist;
import org.plasticity.datasets.formats.Svhn;

/**
 * 5-Datasets as the HLOP reference builds it ({@code dataloader/five_datasets.py}, from HAT/GPM):
 * in the fixed order CIFAR-10, MNIST, SVHN, Fashion-MNIST, notMNIST, every image 3x32x32, each
 * data set normalized with the reference's statistics:
 * <pre>
 *   CIFAR-10       mean [125.3, 123.0, 113.9]/255    std [63.0, 62.1, 66.7]/255
 *   MNIST          Pad(2) to 32x32, mean 0.1,  std 0.2752, repeated to 3 channels
 *   SVHN           mean [0.4377, 0.4438, 0.4728]     std [0.198, 0.201, 0.197]
 *   Fashion-MNIST  Pad(2) to 32x32, mean 0.2190, std 0.3318, repeated to 3 channels
 *   notMNIST       mean 0.4254, std 0.4501, repeated to 3 channels
 * </pre>
 * Task-incremental ({@value #NAME}): one head of 10 per task. Domain-incremental
 * ({@value #DOMAIN_NAME}, {@code spiking_train_fivedataset_domain.py}): one shared head of 10
 * over every data set's labels 0..9. Only the data sets of the first {@code data.tasks} tasks are
 * read.
 */
public final class FiveDatasets {

    /** Name of the task-incremental variant. */
    public static final String NAME = "five-datasets";
    /** Name of the domain-incremental variant. */
    public static final String DOMAIN_NAME = "five-datasets-domain";
    /** Number of tasks. */
    public static final int TASKS = 5;

    private static final int RGB = 3;
    private static final int MNIST_PADDING = 2;

    /** A data set of the sequence: how to read it, how to bring it to 3x32x32, its statistics. */
    private record Entry(Function<Path, ImageDataset> loader, UnaryOperator<ImageSet> transform,
            ChannelNormalization norm) {}

    private static final List<Entry> ORDER = List.of(
            new Entry(Cifar.CIFAR10::load, UnaryOperator.identity(), ReferenceSplits.CIFAR),
            new Entry(root -> mnist(root, MnistLike.MNIST), FiveDatasets::padded, gray(0.1, 0.2752)),
            new Entry(Svhn::load, UnaryOperator.identity(), ChannelNormalization.of(
                    new double[] {0.4377, 0.4438, 0.4728}, new double[] {0.198, 0.201, 0.197})),
            new Entry(root -> mnist(root, MnistLike.FASHION_MNIST), FiveDatasets::padded,
                    gray(0.2190, 0.3318)),
            new Entry(NotMnist::load, images -> ImageTransforms.repeatChannels(images, RGB),
                    gray(0.4254, 0.4501)));

    private FiveDatasets() {}

    /**
     * @param root the data root, holding {@code cifar-10-batches-bin/} (or {@code -py/}),
     *     {@code mnist/}, {@code svhn/}, {@code fashion-mnist/}, {@code notmnist/}
     * @param o tasks (1..5), limits, normalization; the incremental mode is ignored
     * @param perTaskHeads true for {@value #NAME}, false for {@value #DOMAIN_NAME}
     * @return the scenario
     */
    public static DatasetSequence create(Path root, ScenarioOptions o, boolean perTaskHeads) {
        if (o.tasks() < 1 || o.tasks() > TASKS) {
            throw new IllegalArgumentException("data.tasks must be 1.." + TASKS + " for " + NAME
                    + ", got " + o.tasks());
        }
        Limits.check(o.trainLimit(), "data.trainLimit");
        Limits.check(o.testLimit(), "data.testLimit");
        List<DatasetSequence.Stage> stages = new ArrayList<>();
        for (Entry e : ORDER.subList(0, o.tasks())) {
            stages.add(new DatasetSequence.Stage(e.loader().apply(root), e.transform(),
                    o.normalize() ? e.norm() : ReferenceSplits.unit(RGB)));
        }
        return new DatasetSequence(perTaskHeads ? NAME : DOMAIN_NAME, stages, perTaskHeads,
                o.trainLimit(), o.testLimit());
    }

    private static ImageDataset mnist(Path root, String folder) {
        return ImageDataset.of(MnistLike.load(root, folder));
    }

    /** {@code Pad(2)} to 32x32, then the gray channel repeated to three. */
    private static ImageSet padded(ImageSet images) {
        return ImageTransforms.repeatChannels(ImageTransforms.pad(images, MNIST_PADDING), RGB);
    }

    private static ChannelNormalization gray(double mean, double std) {
        return ChannelNormalization.repeat(new PixelNormalization((float) mean, (float) std), RGB);
    }
}
