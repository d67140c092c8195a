package org.plasticity.trainers;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.DeviceSelector;
import org.plasticity.core.tensor.TorchRuntime;
import org.plasticity.datasets.DataRoot;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.datasets.scenario.ScenarioOptions;
import org.plasticity.datasets.scenario.Scenarios;
import org.plasticity.trainers.config.DataConfig;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.run.Progress;
import org.plasticity.trainers.sizing.HlopCapacityCheck;
import org.plasticity.trainers.sizing.MemoryCheck;
import org.plasticity.trainers.sizing.MemoryLimits;
import org.plasticity.trainers.run.RunControl;
import org.plasticity.trainers.run.RunDirectory;
import org.plasticity.trainers.run.RunLog;

import java.nio.file.Path;

/**
 * Turns a validated config into an {@link Experiment}. The order puts every check a user can fail
 * before any work: the data files are read (a missing or corrupt file stops here), the device is
 * chosen (a missing GPU stops here), the network is built (an architecture that does not fit the data
 * stops here), and only then is the run directory written.
 */
public final class ExperimentFactory {
    private ExperimentFactory() {
    }

    /** The scenario a config describes, its files read and checked. */
    public static Scenario scenario(ExperimentConfig config) {
        DataConfig data = config.data();
        Path root = DataRoot.resolve(data.root() == null ? null : Path.of(data.root()));
        return Scenarios.create(new ScenarioOptions(data.scenario(), root, data.tasks(), data.trainLimit(),
                data.testLimit(), data.classesPerTask(), data.incremental().equals("task"), data.normalize()));
    }

    /**
     * Refuses, before anything is built, a network that cannot fit in memory ({@link MemoryCheck}) and HLOP
     * lateral-neuron totals above an MLP layer's inputs ({@link HlopCapacityCheck}).
     */
    public static void checkSizes(ExperimentConfig config, Scenario scenario) {
        MemoryCheck.check(config, scenario, NetworkFactory.headOutputs(scenario), MemoryLimits.ofThisJvm());
        HlopCapacityCheck.check(config, scenario);
    }

    /**
     * The device a config asks for, after starting the engine with the config's threads (capped at the available
     * cores, with a one-line notice on stderr) and seed.
     */
    public static Device device(ExperimentConfig config) {
        Cores.Choice threads = Cores.threads(config.threads(), Cores.available());
        if (threads.notice() != null) {
            System.err.println("notice: " + threads.notice());
        }
        TorchRuntime.start(threads.threads(), config.seed());
        try {
            return DeviceSelector.select(config.device(), TorchRuntime.gpuCount());
        } catch (IllegalArgumentException e) {
            throw new UserError("device: " + e.getMessage());
        }
    }

    /**
     * Builds the experiment.
     *
     * @param config the validated config
     * @param resolvedJson its resolved JSON (saved in the run directory)
     * @param runDir the run directory, or null to write nothing
     * @param log where progress lines go (a log file in the run directory is added)
     * @param progress progress displays
     */
    public static Experiment create(ExperimentConfig config, String resolvedJson, Path runDir,
                                    java.io.PrintStream log, Progress.Factory progress) {
        Scenario scenario = scenario(config);
        checkSizes(config, scenario);
        return create(config, scenario, resolvedJson, runDir, log, progress);
    }

    /**
     * Builds the experiment on a scenario the caller made (data that does not come from the config's files, such
     * as the samples a reference dump carries); otherwise as {@link #create(ExperimentConfig, String, Path,
     * java.io.PrintStream, Progress.Factory)}.
     */
    public static Experiment create(ExperimentConfig config, Scenario scenario, String resolvedJson, Path runDir,
                                    java.io.PrintStream log, Progress.Factory progress) {
        Device device = device(config);
        NDManager manager = NDManager.newBaseManager(device);
        Network network;
        try {
            network = NetworkFactory.create(config, scenario, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        // the run directory is written only once the network fits the data: a bad model leaves nothing behind
        RunDirectory dir = runDir == null ? null : RunDirectory.prepare(runDir, resolvedJson);
        RunLog runLog = new RunLog(log, dir == null ? null : dir.file(RunDirectory.LOG));
        return new Experiment(config, device, manager, scenario, network, dir, runLog,
                config.output().progress() ? progress : Progress.Factory.NONE, new RunControl());
    }
}
