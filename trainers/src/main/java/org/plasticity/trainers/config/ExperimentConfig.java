package org.plasticity.trainers.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One experiment: the data, the network, how it is trained, the continual-learning method and where results go.
 * Read it with {@link ExperimentConfigs}; every key may be omitted and takes its value from {@link #DEFAULTS}.
 *
 * @param name     run name, one folder name ({@link RunNames}); default {@code "experiment"}
 * @param seed     seed for every random source; default 2022
 * @param device   {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (N &gt;= 0); default {@code auto}
 * @param threads  CPU threads, &gt;= 0 where 0 means all cores; default 0
 * @param data     the continual-learning scenario
 * @param model    the spiking network
 * @param training the training loop
 * @param method   the continual-learning method
 * @param output   where results are written
 * @param adaptation test-time adaptation of a trained source model instead of training, or null to train; default
 *                 null (see {@link AdaptationConfig})
 */
public record ExperimentConfig(String name, long seed, String device, int threads, DataConfig data, ModelConfig model,
        TrainingConfig training, MethodConfig method, OutputConfig output, AdaptationConfig adaptation)
        implements ConfigNode {

    /** The documented defaults: what an empty JSON object reads as. */
    public static final ExperimentConfig DEFAULTS = new ExperimentConfig("experiment", 2022L, "auto", 0,
            DataConfig.DEFAULTS, ModelConfig.DEFAULTS, TrainingConfig.DEFAULTS, MethodConfig.DEFAULTS,
            OutputConfig.DEFAULTS, null);

    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu|gpu:[0-9]+");

    public ExperimentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(output, "output");
    }

    /** Whether this experiment adapts a source model at test time instead of training one. */
    public boolean adapts() {
        return adaptation != null;
    }

    /** This experiment with another data, model and training section (an adaptation run takes its source's). */
    public ExperimentConfig withSource(DataConfig sourceData, ModelConfig sourceModel, TrainingConfig sourceTraining) {
        return new ExperimentConfig(name, seed, device, threads, sourceData, sourceModel, sourceTraining, method,
                output, adaptation);
    }

    @Override
    public void validate(ConfigProblems problems) {
        RunNames.problem(name).ifPresent(problems.at("name")::report);
        if (!DEVICE.matcher(device).matches()) {
            problems.at("device").report("expected auto, cpu, gpu or gpu:N with N >= 0, got \"" + device + "\"");
        }
        problems.at("threads").atLeast(threads, 0);
        data.validate(problems.at("data"));
        model.validate(problems.at("model"));
        training.validate(problems.at("training"));
        method.validate(problems.at("method"));
        output.validate(problems.at("output"));
        if (adaptation != null) {
            adaptation.validate(problems.at("adaptation"));
        }
        CrossFieldRules.check(this, problems);
    }
}
