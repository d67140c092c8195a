package org.plasticity.trainers;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.net.Network;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.run.Progress;
import org.plasticity.trainers.run.RunControl;
import org.plasticity.trainers.run.RunDirectory;
import org.plasticity.trainers.run.RunLog;

/**
 * Everything a trainer needs for one run, built once from a validated config: the config, the
 * device and its manager, the data scenario, the network, where results go (null when nothing is
 * written, as in {@code bench}), the log, the progress display and the stop control.
 */
public record Experiment(ExperimentConfig config, Device device, NDManager manager, Scenario scenario,
                         Network network, RunDirectory runDirectory, RunLog log,
                         Progress.Factory progress, RunControl control) implements AutoCloseable {
    @Override
    public void close() {
        network.close();
        manager.close();
        log.close();
    }
}
