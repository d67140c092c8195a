package org.plasticity.trainers.cli;

import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.continual.ContinualTrainer;
import org.plasticity.trainers.continual.Methods;
import org.plasticity.trainers.continual.ThroughputBenchmark;
import org.plasticity.trainers.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code plasticity bench}: training throughput of a config, after warm-up. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training throughput (samples/s) of a config's training step, after warm-up.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--warmup", defaultValue = "50", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps", defaultValue = "200", description = "Timed steps per repeat (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed repeats (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--later-task", description = "Benchmark the second task after ending the first: projections "
            + "active, BatchNorm and thresholds frozen (with training.freezeAfterFirstTask), as every later task trains.")
    boolean laterTask;

    @Option(names = "--per-step-dsr", description = "Layered networks with DSR: compute every gradient in the per-step "
            + "form, without the B-row sums through time-linear layers (for comparison; the results are the same).")
    boolean perStepDsr;

    @Override
    public Integer call() {
        if (warmup < 0 || steps < 1 || repeats < 1) {
            throw new org.plasticity.trainers.UserError("--warmup must be >= 0, --steps and --repeats >= 1");
        }
        ExperimentConfig config = options.read();
        try (Experiment experiment = ExperimentFactory.create(config, null, null, System.out, Progress.Factory.NONE)) {
            ContinualTrainer trainer = Methods.trainer(config);
            System.out.printf("bench %s: %s, %s training%s, T=%d, %s, batch %d, %d thread(s), device %s%n",
                    config.name(), trainer.label(), config.training().method(),
                    (laterTask ? ", task 1 after task 0" : ", task 0") + (perStepDsr ? ", per-step DSR" : ""),
                    config.model().timesteps(), config.model().describe(), config.training().batchSize(),
                    org.plasticity.trainers.Cores.threads(config.threads(), org.plasticity.trainers.Cores.available()).threads(),
                    experiment.device());
            if (perStepDsr && experiment.network() instanceof org.plasticity.core.net.LayeredNetwork layered) {
                layered.setRateCollapse(false);
            }
            ThroughputBenchmark.Result r = ThroughputBenchmark.run(experiment, trainer, warmup, steps, repeats,
                    laterTask, System.out::println);
            System.out.printf("median: %.0f samples/s (%.2f ms/step at batch %d)%n", r.medianSamplesPerSecond(),
                    r.msPerStep(), r.batchSize());
        }
        return 0;
    }
}
