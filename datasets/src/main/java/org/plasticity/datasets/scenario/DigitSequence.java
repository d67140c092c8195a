package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.plasticity.datasets.formats.DigitsCsv;
import org.plasticity.datasets.formats.ImageDataset;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.MnistLike;

/**
 * A multi-data-set sequence that runs on the data {@code scripts/fetch-data.sh} fetches (a
 * reconstruction in the spirit of 5-Datasets; the reference has no such protocol): MNIST, then
 * Fashion-MNIST, then the UCI optdigits of scikit-learn, task-incremental with one head of 10 per
 * task, every image 1x28x28.
 * <ul>
 *   <li>MNIST and Fashion-MNIST: official splits, mean/std 0.1307/0.3081 and 0.2860/0.3530.
 *   <li>Digits (1797 images, no official split): the first {@value #DIGITS_TRAIN} in file order
 *       train, the other 360 test. Each 8x8 value {@code v} in 0..16 becomes the byte
 *       {@code round(v * 255 / 16)} (halves up), then the image is upsampled to 28x28 as PIL's
 *       bilinear {@code resize((28, 28))} does ({@link PilResize}); mean/std
 *       0.3056/0.3239, measured over every pixel of those 1437 upsampled training images
 *       (population deviation; reconstructed, as the whole digits stage is).
 * </ul>
 */
public final class DigitSequence {

    /** Name of the scenario. */
    public static final String NAME = "mnist-fashion-digits";
    /** Number of tasks. */
    public static final int TASKS = 3;
    /** Digits used for training: the first 80 % (rounded down) of the file. */
    public static final int DIGITS_TRAIN = 1437;
    /** Mean of the upsampled training digits on the [0, 1] scale. */
    public static final float DIGITS_MEAN = 0.3056f;
    /** Standard deviation of the upsampled training digits on the [0, 1] scale. */
    public static final float DIGITS_STD = 0.3239f;

    private static final int SIDE = 28;

    private DigitSequence() {}

    /**
     * @param root the data root, holding {@code mnist/}, {@code fashion-mnist/} and
     *     {@code sklearn-digits/}
     * @param o tasks (1..3), limits, normalization; the incremental mode is ignored
     * @return the scenario
     */
    public static DatasetSequence create(Path root, ScenarioOptions o) {
        if (o.tasks() < 1 || o.tasks() > TASKS) {
            throw new IllegalArgumentException("data.tasks must be 1.." + TASKS + " for " + NAME
                    + ", got " + o.tasks());
        }
        Limits.check(o.trainLimit(), "data.trainLimit");
        Limits.check(o.testLimit(), "data.testLimit");
        List<DatasetSequence.Stage> stages = new ArrayList<>();
        stages.add(mnistStage(root, MnistLike.MNIST, o.normalize()));
        if (o.tasks() > 1) {
            stages.add(mnistStage(root, MnistLike.FASHION_MNIST, o.normalize()));
        }
        if (o.tasks() > 2) {
            stages.add(new DatasetSequence.Stage(digits(root), UnaryOperator.identity(),
                    norm(o.normalize(), new PixelNormalization(DIGITS_MEAN, DIGITS_STD))));
        }
        return new DatasetSequence(NAME, stages, true, o.trainLimit(), o.testLimit());
    }

    /**
     * @param root the data root
     * @return the digits as 28x28 bytes, split into the first 1437 (train) and the rest (test)
     */
    public static ImageDataset digits(Path root) {
        LabeledImages all = DigitsCsv.load(root);
        ImageSet big = PilResize.bilinear(toBytes(all.images()), SIDE, SIDE);
        int n = all.size();
        int train = Math.min(DIGITS_TRAIN, n);
        return new ImageDataset("sklearn-digits", DigitsCsv.CLASSES, rows(big, all.labels(), 0, train),
                rows(big, all.labels(), train, n));
    }

    /** @return each value {@code v} in 0..16 as {@code round(v * 255 / 16)} */
    static ImageSet toBytes(ImageSet digits) {
        byte[] out = new byte[digits.pixels().length];
        int max = DigitsCsv.MAX_PIXEL;
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (((digits.pixels()[i] & 0xFF) * 255 + max / 2) / max);
        }
        return new ImageSet(out, digits.count(), digits.channels(), digits.rows(), digits.cols());
    }

    private static LabeledImages rows(ImageSet images, int[] labels, int from, int to) {
        int size = images.imageSize();
        byte[] pixels = Arrays.copyOfRange(images.pixels(), from * size, to * size);
        return new LabeledImages(new ImageSet(pixels, to - from, 1, images.rows(), images.cols()),
                Arrays.copyOfRange(labels, from, to));
    }

    private static DatasetSequence.Stage mnistStage(Path root, String folder, boolean normalize) {
        return new DatasetSequence.Stage(ImageDataset.of(MnistLike.load(root, folder)),
                UnaryOperator.identity(), norm(normalize, PixelNormalization.forDataset(folder)));
    }

    private static ChannelNormalization norm(boolean normalize, PixelNormalization n) {
        return ChannelNormalization.repeat(normalize ? n : PixelNormalization.UNIT, 1);
    }
}
