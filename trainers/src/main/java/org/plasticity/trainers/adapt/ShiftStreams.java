package org.plasticity.trainers.adapt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plasticity.datasets.DataRoot;
import org.plasticity.datasets.corruption.Corruption;
import org.plasticity.datasets.corruption.CorruptedImages;
import org.plasticity.datasets.corruption.Corruptor;
import org.plasticity.datasets.corruption.FrostTextures;
import org.plasticity.datasets.corruption.ImageGeometry;
import org.plasticity.datasets.formats.DigitsCsv;
import org.plasticity.datasets.formats.ImageSet;
import org.plasticity.datasets.formats.LabeledImages;
import org.plasticity.datasets.formats.MnistLike;
import org.plasticity.datasets.scenario.PixelNormalization;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.datasets.shift.DigitsAsMnist;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.AdaptationConfig;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ShiftConfig;

/**
 * Builds the shifted test streams of an adaptation run from the source's clean test images: the images of the source
 * task's classes in file order, each stream corrupted from the raw bytes (so the corruption acts on pixels, before
 * the source's normalisation), then normalised and labelled as the source task was.
 */
final class ShiftStreams {
    /** The folder of each image scenario a source may have trained on. */
    private static final Map<String, String> FOLDERS = Map.of(
            "split-mnist", MnistLike.MNIST,
            "split-fashion-mnist", MnistLike.FASHION_MNIST);

    private ShiftStreams() {
    }

    /**
     * @param config the resolved adaptation config (with the source's data section)
     * @param task the source task adapted on
     */
    static List<ShiftStream> build(ExperimentConfig config, Task task) {
        String folder = FOLDERS.get(config.data().scenario());
        if (folder == null) {
            throw new UserError("adaptation.source: the source trained on data.scenario=" + config.data().scenario()
                    + ", and adaptation needs images (" + String.join(", ", FOLDERS.keySet().stream().sorted().toList())
                    + ")");
        }
        AdaptationConfig adaptation = config.adaptation();
        ShiftConfig shifts = adaptation.shifts();
        Path root = DataRoot.resolve(config.data().root() == null ? null : Path.of(config.data().root()));
        PixelNormalization norm = config.data().normalize() ? PixelNormalization.forDataset(folder)
                : PixelNormalization.UNIT;
        Labelling labelling = new Labelling(task, config.data().incremental().equals("task"));
        LabeledImages clean = labelling.select(MnistLike.load(root, folder).test(), adaptation.testLimit());
        ImageSet images = clean.images();
        ImageGeometry geometry = new ImageGeometry(1, images.rows(), images.cols());
        Corruptor corruptor = new Corruptor(geometry, shifts.frost() == null ? Optional.empty()
                : Optional.of(FrostTextures.load(Path.of(shifts.frost()))));
        List<ShiftStream> streams = new ArrayList<>();
        if (shifts.clean()) {
            streams.add(stream("clean", null, 0, images.pixels(), clean, norm));
        }
        for (Corruption c : shifts.corruptionList()) {
            for (int severity : shifts.severities()) {
                byte[] pixels = CorruptedImages.corrupt(corruptor, images.pixels(), images.count(), c, severity,
                        shifts.seed());
                streams.add(stream(c.configName() + "@" + severity, c, severity, pixels, clean, norm));
            }
        }
        if (shifts.digits()) {
            if (!folder.equals(MnistLike.MNIST)) {
                throw new UserError("adaptation.shifts.digits: the UCI digits are a shift of MNIST, and the source "
                        + "trained on " + folder + "; set digits to false");
            }
            LabeledImages digits = labelling.select(DigitsAsMnist.of(DigitsCsv.load(root)), adaptation.testLimit());
            streams.add(stream("digits", null, 0, digits.images().pixels(), digits, norm));
        }
        return streams;
    }

    private static ShiftStream stream(String name, Corruption c, int severity, byte[] pixels, LabeledImages labelled,
                                      PixelNormalization norm) {
        ImageSet images = labelled.images();
        ImageSet shifted = new ImageSet(pixels, images.count(), images.rows(), images.cols());
        int[] all = new int[images.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new ShiftStream(name, c, severity, norm.apply(shifted, all), labelled.labels(), images.imageSize());
    }

    /** The source task's classes, and the labels its head predicts (local in task-incremental scenarios). */
    private record Labelling(Task task, boolean local) {
        LabeledImages select(LabeledImages data, Integer limit) {
            int[] classes = task.classes();
            int[] labelOf = new int[256];
            java.util.Arrays.fill(labelOf, -1);
            for (int c = 0; c < classes.length; c++) {
                labelOf[classes[c]] = local ? c : classes[c];
            }
            ImageSet in = data.images();
            int n = 0;
            for (int label : data.labels()) {
                if (labelOf[label] >= 0 && (limit == null || n < limit)) {
                    n++;
                }
            }
            byte[] pixels = new byte[n * in.imageSize()];
            int[] labels = new int[n];
            int k = 0;
            for (int i = 0; i < data.size() && k < n; i++) {
                int label = labelOf[data.labels()[i]];
                if (label >= 0) {
                    System.arraycopy(in.pixels(), i * in.imageSize(), pixels, k * in.imageSize(), in.imageSize());
                    labels[k++] = label;
                }
            }
            return new LabeledImages(new ImageSet(pixels, n, in.rows(), in.cols()), labels);
        }
    }
}
