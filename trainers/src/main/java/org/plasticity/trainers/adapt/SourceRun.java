package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.ModulatedArchitecture;
import org.plasticity.core.net.Network;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.AdaptationMethodConfig;
import org.plasticity.trainers.config.CnnModel;
import org.plasticity.trainers.config.ConfigException;
import org.plasticity.trainers.config.DirectEncoding;
import org.plasticity.trainers.config.EncodingConfig;
import org.plasticity.trainers.config.ModelConfig;
import org.plasticity.trainers.config.NhlAdaptation;
import org.plasticity.trainers.config.ResNetModel;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.RunDirectory;

/**
 * The trained source model of an adaptation run: a run directory written by {@code plasticity run}. Its
 * {@code config.json} rebuilds the architecture (model, data, training method) and its {@code weights.params} — the
 * network's parameters then buffers, in {@code Network.parameters()} / {@code buffers()} order — fills it.
 */
public final class SourceRun {
    private SourceRun() {
    }

    /**
     * The adaptation config with the source's model, data and training method, after checking the source folder.
     *
     * @throws UserError naming {@code adaptation.source} when the folder is not a finished run with weights
     */
    public static ExperimentConfig resolve(ExperimentConfig config) {
        Path dir = Path.of(config.adaptation().source());
        if (!Files.isDirectory(dir)) {
            throw new UserError("adaptation.source: " + dir + " is not a directory; give a run directory written by "
                    + "plasticity run");
        }
        Path configFile = dir.resolve(RunDirectory.CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new UserError("adaptation.source: " + dir + " has no " + RunDirectory.CONFIG
                    + "; give a run directory written by plasticity run");
        }
        Path weights = dir.resolve(RunDirectory.WEIGHTS);
        if (!Files.isRegularFile(weights)) {
            throw new UserError("adaptation.source: " + weights + " is missing: the source run did not finish, or ran "
                    + "with output.saveWeights=false; train it to the end first");
        }
        ExperimentConfig source;
        try {
            source = ExperimentConfigs.read(configFile, List.of());
        } catch (ConfigException e) {
            throw new UserError("adaptation.source: " + configFile + " is not a valid experiment config: "
                    + e.getMessage());
        }
        if (source.adapts()) {
            throw new UserError("adaptation.source: " + dir + " is an adaptation run; give the run that trained the "
                    + "source model");
        }
        if (config.adaptation().task() >= source.data().tasks()) {
            throw new UserError("adaptation.task: the source in " + dir + " trained " + source.data().tasks()
                    + " task(s), so the task must be below " + source.data().tasks() + ", got "
                    + config.adaptation().task());
        }
        checkFits(config.adaptation().method(), source.model());
        return config.withSource(source.data(), source.model(), source.training());
    }

    /** Refuses, before anything is built or written, a method the source's architecture cannot take. */
    private static void checkFits(AdaptationMethodConfig method, ModelConfig model) {
        String type = AdaptationMethodConfig.typeName(method);
        boolean convolutional = model instanceof CnnModel || model instanceof ResNetModel;
        if (method instanceof NhlAdaptation && !convolutional) {
            throw new UserError("adaptation.method.type: nhl adapts the first convolution, and the source's model.type="
                    + ModelConfig.typeName(model) + " has none; use source, or a cnn/resnet18 source");
        }
        if (method.needsBatchNorm() && !convolutional) {
            throw new UserError("adaptation.method.type: " + type + " adapts BatchNorm, and the source's model.type="
                    + ModelConfig.typeName(model) + " has none; use source, or a cnn/resnet18 source");
        }
        if (method instanceof NhlAdaptation && !(model.encoding() instanceof DirectEncoding)) {
            throw new UserError("adaptation.method.type: nhl's Hebbian step needs direct-coded input (the first "
                    + "convolution sees the image itself), and the source uses model.encoding.type="
                    + EncodingConfig.typeName(model.encoding()) + "; use bn-adapt or tent");
        }
    }

    /**
     * Fills the network from the source's {@code weights.params}; parameters the source does not have (NHL's
     * neuro-modulator) keep their initial values.
     *
     * @throws UserError when the file does not decode or does not fit the network
     */
    public static void loadWeights(Network network, Path dir) {
        Path file = dir.resolve(RunDirectory.WEIGHTS);
        List<NDArray> targets = new ArrayList<>();
        for (Param p : network.parameters()) {
            if (!p.name().startsWith(ModulatedArchitecture.NAME + ".")) {
                targets.add(p.value());
            }
        }
        for (Buffer b : network.buffers()) {
            targets.add(b.value());
        }
        NDList saved;
        try {
            saved = NDList.decode(network.manager(), Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": cannot decode the source weights (" + e.getMessage()
                    + "); the file is damaged: train the source again");
        }
        try (saved) {
            if (saved.size() != targets.size()) {
                throw new UserError(file + " holds " + saved.size() + " tensors but the source's network has "
                        + targets.size() + "; the weights do not belong to this config.json");
            }
            for (int i = 0; i < targets.size(); i++) {
                NDArray target = targets.get(i);
                NDArray value = saved.get(i);
                if (!value.getShape().equals(target.getShape())) {
                    throw new UserError(file + ": tensor " + i + " has shape " + value.getShape()
                            + " but the network expects " + target.getShape() + "; the weights do not belong to this "
                            + "config.json");
                }
                target.set(FloatBuffer.wrap(value.toFloatArray()));
            }
        }
    }
}
