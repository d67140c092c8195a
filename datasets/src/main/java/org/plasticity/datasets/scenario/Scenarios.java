package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.plasticity.datasets.DataRoot;
import org.plasticity.datasets.formats.MnistLike;

/**
 * Builds a scenario by name, reading its files at once so missing data fails before training.
 * Loaders never download: data files are the user's (docs/DATASETS.md says where they go).
 */
public final class Scenarios {

    /** Name of {@link PermutedMnist}. */
    public static final String PERMUTED_MNIST = "permuted-mnist";
    /** Name of {@link SplitScenario} over MNIST. */
    public static final String SPLIT_MNIST = "split-mnist";
    /** Name of {@link SplitScenario} over Fashion-MNIST. */
    public static final String SPLIT_FASHION_MNIST = "split-fashion-mnist";
    /** Name of the reference's 10-split CIFAR-100 ({@link ReferenceSplits#cifar100}). */
    public static final String SPLIT_CIFAR100 = ReferenceSplits.CIFAR100_NAME;
    /** Name of the reference's 20-task miniImageNet ({@link ReferenceSplits#miniImageNet}). */
    public static final String SPLIT_MINI_IMAGENET = ReferenceSplits.MINI_IMAGENET_NAME;
    /** Name of task-incremental 5-Datasets ({@link FiveDatasets}). */
    public static final String FIVE_DATASETS = FiveDatasets.NAME;
    /** Name of domain-incremental 5-Datasets ({@link FiveDatasets}). */
    public static final String FIVE_DATASETS_DOMAIN = FiveDatasets.DOMAIN_NAME;
    /** Name of the offline MNIST → Fashion-MNIST → digits sequence ({@link DigitSequence}). */
    public static final String MNIST_FASHION_DIGITS = DigitSequence.NAME;

    /** The builders by name, in the order {@link #NAMES} lists them. */
    private static final Map<String, BiFunction<Path, ScenarioOptions, Scenario>> BUILDERS = builders();

    /** All known names. */
    public static final List<String> NAMES = List.copyOf(BUILDERS.keySet());

    private Scenarios() {}

    private static Map<String, BiFunction<Path, ScenarioOptions, Scenario>> builders() {
        Map<String, BiFunction<Path, ScenarioOptions, Scenario>> b = new LinkedHashMap<>();
        b.put(PERMUTED_MNIST, (root, o) -> PermutedMnist.load(root, o.tasks(), o.trainLimit(),
                o.testLimit(), o.normalize()));
        b.put(SPLIT_MNIST, (root, o) -> split(root, MnistLike.MNIST, o));
        b.put(SPLIT_FASHION_MNIST, (root, o) -> split(root, MnistLike.FASHION_MNIST, o));
        b.put(SPLIT_CIFAR100, ReferenceSplits::cifar100);
        b.put(SPLIT_MINI_IMAGENET, ReferenceSplits::miniImageNet);
        b.put(FIVE_DATASETS, (root, o) -> FiveDatasets.create(root, o, true));
        b.put(FIVE_DATASETS_DOMAIN, (root, o) -> FiveDatasets.create(root, o, false));
        b.put(MNIST_FASHION_DIGITS, DigitSequence::create);
        return Collections.unmodifiableMap(b);
    }

    /**
     * @param options what to build
     * @return the scenario, with its data loaded
     * @throws IllegalArgumentException for an unknown name or bad options
     * @throws org.plasticity.datasets.DataFileException for missing or corrupt data files
     */
    public static Scenario create(ScenarioOptions options) {
        BiFunction<Path, ScenarioOptions, Scenario> builder = BUILDERS.get(options.name());
        if (builder == null) {
            throw new IllegalArgumentException("unknown scenario '" + options.name() + "'; known: "
                    + String.join(", ", NAMES));
        }
        return builder.apply(DataRoot.resolve(options.root()), options);
    }

    private static Scenario split(Path root, String folder, ScenarioOptions o) {
        return SplitScenario.load(root, folder, o.tasks(), o.classesPerTask(), o.taskIncremental(),
                o.trainLimit(), o.testLimit(), o.normalize());
    }
}
