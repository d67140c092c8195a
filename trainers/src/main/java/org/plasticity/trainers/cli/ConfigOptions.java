package org.plasticity.trainers.cli;

import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The config file and its {@code --set} overrides, shared by every command that reads a config. */
public final class ConfigOptions {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "JSON experiment config.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value by its dotted path, e.g. --set data.tasks=3 "
                    + "--set model.hidden=[400,400]. Repeatable.")
    List<String> overrides = new ArrayList<>();

    /** Reads and validates the config (a user error on any problem). */
    public ExperimentConfig read() {
        return ExperimentConfigs.read(config, overrides);
    }
}
