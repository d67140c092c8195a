package org.plasticity.trainers.cli;

import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.RunResult;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.adapt.AdaptationTrainer;
import org.plasticity.trainers.adapt.SourceRun;
import org.plasticity.trainers.continual.Methods;
import org.plasticity.trainers.run.ConsoleProgress;
import org.plasticity.trainers.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code plasticity run}: trains an experiment and writes its run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment: train task after task, evaluate, write the run directory; or, with an "
                + "adaptation section, adapt a trained source model on shifted test streams.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (default: <output.dir>/<name>/<date-time>).")
    Path out;

    @Override
    public Integer call() {
        ExperimentConfig read = options.read();
        // an adaptation run rebuilds its source's network: the source's model, data and training method
        ExperimentConfig config = read.adapts() ? SourceRun.resolve(read) : read;
        String resolved = ExperimentConfigs.toJson(config);
        Path dir = out != null ? out : RunDirectory.defaultLocation(Path.of(config.output().dir()), config.name());
        try (Experiment experiment = ExperimentFactory.create(config, resolved, dir, System.out,
                ConsoleProgress.forStderr())) {
            StopSignals.install(experiment.control(), System.err);
            if (config.adapts()) {
                new AdaptationTrainer().run(experiment);
                experiment.log().info("results in %s", experiment.runDirectory().path());
                return 0;
            }
            RunResult result = Methods.trainer(config).run(experiment);
            experiment.log().info("results in %s", experiment.runDirectory().path());
            return result.tasks() > 0 ? 0 : 1;
        }
    }
}
