package org.plasticity.trainers.cli;

import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code plasticity validate}: checks a config (and its data files) without training. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config: keys, types, ranges, combinations and its data files. Trains nothing.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--print", description = "Print the resolved config (every default filled in).")
    boolean print;

    @Option(names = "--no-data", description = "Skip the check of the data files.")
    boolean noData;

    @Override
    public Integer call() {
        ExperimentConfig config = options.read();
        if (!noData) {
            ExperimentFactory.checkSizes(config, ExperimentFactory.scenario(config));
        }
        if (print) {
            System.out.println(ExperimentConfigs.toJson(config));
        } else {
            System.out.println(options.config + ": valid");
        }
        return 0;
    }
}
