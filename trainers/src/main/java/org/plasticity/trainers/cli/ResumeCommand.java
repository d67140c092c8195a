package org.plasticity.trainers.cli;

import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.CheckpointStore;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.continual.Methods;
import org.plasticity.trainers.run.ConsoleProgress;
import org.plasticity.trainers.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code plasticity resume}: continues a run from its latest valid checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped or killed run from its latest valid checkpoint (bit-exact on CPU).")
public final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory to continue.")
    Path runDir;

    @Override
    public Integer call() throws IOException {
        Path dir = runDir.toAbsolutePath().normalize();
        Path config = dir.resolve(RunDirectory.CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new UserError(dir + " is not a run directory (no " + RunDirectory.CONFIG + "); start runs with plasticity run");
        }
        if (Files.exists(dir.resolve(RunDirectory.METRICS))) {
            throw new UserError("the run in " + dir + " is already finished (" + RunDirectory.METRICS + " exists)");
        }
        ExperimentConfig cfg = ExperimentConfigs.read(config, List.of());
        if (cfg.adapts()) {
            throw new UserError("the run in " + dir + " is an adaptation run, which does not checkpoint (it takes "
                    + "minutes); start it again with plasticity run");
        }
        Optional<Checkpoint> checkpoint = new CheckpointStore(dir.resolve(RunDirectory.CHECKPOINTS)).latest();
        try (Experiment experiment = ExperimentFactory.create(cfg, ExperimentConfigs.toJson(cfg), dir, System.out,
                ConsoleProgress.forStderr())) {
            StopSignals.install(experiment.control(), System.err);
            if (checkpoint.isEmpty()) {
                experiment.log().info("no valid checkpoint in %s; starting the run from the beginning", dir);
            }
            Methods.trainer(cfg).run(experiment, checkpoint.orElse(null));
            experiment.log().info("results in %s", dir);
        }
        return 0;
    }
}
