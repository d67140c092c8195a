package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.Arrays;
import org.plasticity.datasets.formats.Cifar;
import org.plasticity.datasets.formats.ImageDataset;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.MiniImageNet;

/**
 * The HLOP reference's class-split benchmarks ({@code dataloader/cifar100.py},
 * {@code dataloader/miniimagenet.py}) as {@link SplitScenario}s:
 * <ul>
 *   <li>10-split CIFAR-100: task {@code t} = fine labels {@code 10t .. 10t+9} (task = label // 10,
 *       local label = label % 10), mean {@code [125.3, 123.0, 113.9]/255}, std
 *       {@code [63.0, 62.1, 66.7]/255}, no augmentation;
 *   <li>miniImageNet 20 x 5: the groups of {@code np.random.seed(2022);
 *       np.split(np.random.permutation(100), 20)}, local labels in group order; images resized to
 *       84x84 as PIL's bilinear {@code Resize((84, 84))} does (a no-op on the GPM files), ImageNet
 *       mean {@code [0.485, 0.456, 0.406]}, std {@code [0.229, 0.224, 0.225]}.
 * </ul>
 * Deliberate difference: the reference keeps the last batch of a shuffled loader of 2500 (train) /
 * 500 (test) images per miniImageNet task, so its sample order is random and a task with more
 * images would be cut; here every image is kept, in file order (training shuffles anyway).
 */
public final class ReferenceSplits {

    /** Name of 10-split CIFAR-100. */
    public static final String CIFAR100_NAME = "split-cifar100";
    /** Name of 20-task miniImageNet. */
    public static final String MINI_IMAGENET_NAME = "split-miniimagenet";
    /** Classes per CIFAR-100 task. */
    public static final int CIFAR100_CLASSES_PER_TASK = 10;
    /** Tasks of miniImageNet. */
    public static final int MINI_IMAGENET_TASKS = 20;
    /** Seed of the miniImageNet class permutation. */
    public static final long MINI_IMAGENET_SEED = 2022;
    /** Side of the miniImageNet images the network sees. */
    public static final int MINI_IMAGENET_SIDE = 84;

    /** The reference's CIFAR statistics (also 5-Datasets' CIFAR-10). */
    public static final ChannelNormalization CIFAR = ChannelNormalization.of(
            new double[] {125.3 / 255, 123.0 / 255, 113.9 / 255},
            new double[] {63.0 / 255, 62.1 / 255, 66.7 / 255});
    /** ImageNet statistics. */
    public static final ChannelNormalization IMAGENET = ChannelNormalization.of(
            new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});

    private ReferenceSplits() {}

    /**
     * @param root the data root ({@code cifar-100-binary/} or {@code cifar-100-python/})
     * @param o tasks (1..10), incremental mode, limits, normalization
     * @return 10-split CIFAR-100 (its first {@code o.tasks()} tasks)
     */
    public static SplitScenario cifar100(Path root, ScenarioOptions o) {
        int[][] groups = SplitScenario.consecutiveGroups(o.tasks(), CIFAR100_CLASSES_PER_TASK,
                Cifar.CIFAR100.classes());
        ImageDataset data = Cifar.CIFAR100.load(root);
        return new SplitScenario(CIFAR100_NAME, data, o.normalize() ? CIFAR : unit(3), groups,
                o.taskIncremental(), o.trainLimit(), o.testLimit());
    }

    /**
     * @param root the data root ({@code miniimagenet/{train,test}.pkl})
     * @param o tasks (1..20), incremental mode, limits, normalization
     * @return miniImageNet 20 x 5 (its first {@code o.tasks()} tasks)
     */
    public static SplitScenario miniImageNet(Path root, ScenarioOptions o) {
        if (o.tasks() < 1 || o.tasks() > MINI_IMAGENET_TASKS) {
            throw new IllegalArgumentException("data.tasks must be 1.." + MINI_IMAGENET_TASKS
                    + " for " + MINI_IMAGENET_NAME + ", got " + o.tasks());
        }
        int[][] all = miniImageNetGroups();
        int[][] groups = Arrays.copyOf(all, o.tasks());
        ImageDataset raw = MiniImageNet.load(root);
        ImageDataset data = new ImageDataset(raw.name(), raw.classes(), resized(raw.train()),
                resized(raw.test()));
        return new SplitScenario(MINI_IMAGENET_NAME, data, o.normalize() ? IMAGENET : unit(3), groups,
                o.taskIncremental(), o.trainLimit(), o.testLimit());
    }

    /** @return {@code np.split(RandomState(2022).permutation(100), 20)} */
    public static int[][] miniImageNetGroups() {
        int[] perm = NumpyRandomState.shuffledRange(MiniImageNet.CLASSES, MINI_IMAGENET_SEED);
        int k = MiniImageNet.CLASSES / MINI_IMAGENET_TASKS;
        int[][] groups = new int[MINI_IMAGENET_TASKS][];
        for (int t = 0; t < groups.length; t++) {
            groups[t] = Arrays.copyOfRange(perm, t * k, (t + 1) * k);
        }
        return groups;
    }

    static ChannelNormalization unit(int channels) {
        return ChannelNormalization.repeat(PixelNormalization.UNIT, channels);
    }

    private static LabeledImages resized(LabeledImages split) {
        return new LabeledImages(PilResize.bilinear(split.images(), MINI_IMAGENET_SIDE,
                MINI_IMAGENET_SIDE), split.labels());
    }
}
