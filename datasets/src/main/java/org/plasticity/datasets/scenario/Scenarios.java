package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.List;
import org.plasticity.datasets.DataRoot;
import org.plasticity.datasets.formats.MnistLike;

/** Builds a scenario by name, reading its files at once so missing data fails before training. */
public final class Scenarios {

    /** Name of {@link PermutedMnist}. */
    public static final String PERMUTED_MNIST = "permuted-mnist";
    /** Name of {@link SplitScenario} over MNIST. */
    public static final String SPLIT_MNIST = "split-mnist";
    /** Name of {@link SplitScenario} over Fashion-MNIST. */
    public static final String SPLIT_FASHION_MNIST = "split-fashion-mnist";
    /** All known names. */
    public static final List<String> NAMES =
            List.of(PERMUTED_MNIST, SPLIT_MNIST, SPLIT_FASHION_MNIST);

    private Scenarios() {}

    /**
     * @param options what to build
     * @return the scenario, with its data loaded
     * @throws IllegalArgumentException for an unknown name or bad options
     * @throws org.plasticity.datasets.DataFileException for missing or corrupt data files
     */
    public static Scenario create(ScenarioOptions options) {
        Path root = DataRoot.resolve(options.root());
        return switch (options.name()) {
            case PERMUTED_MNIST -> PermutedMnist.load(root, options.tasks(), options.trainLimit(),
                    options.testLimit(), options.normalize());
            case SPLIT_MNIST -> split(root, MnistLike.MNIST, options);
            case SPLIT_FASHION_MNIST -> split(root, MnistLike.FASHION_MNIST, options);
            default -> throw new IllegalArgumentException("unknown scenario '" + options.name()
                    + "'; known: " + String.join(", ", NAMES));
        };
    }

    private static Scenario split(Path root, String folder, ScenarioOptions o) {
        return SplitScenario.load(root, folder, o.tasks(), o.classesPerTask(), o.taskIncremental(),
                o.trainLimit(), o.testLimit(), o.normalize());
    }
}
