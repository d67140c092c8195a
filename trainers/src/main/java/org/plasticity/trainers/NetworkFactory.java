package org.plasticity.trainers;

import ai.djl.ndarray.NDManager;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.encoding.Encoder;
import org.plasticity.core.encoding.LatencyEncoder;
import org.plasticity.core.encoding.PoissonEncoder;
import org.plasticity.core.layer.DsrNeuronLayer;
import org.plasticity.core.layer.NeuronLayer;
import org.plasticity.core.layer.OnlineNeuronLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.Pool2dLayer;
import org.plasticity.core.net.Architecture;
import org.plasticity.core.net.ModulatedArchitecture;
import org.plasticity.core.net.LayeredNetwork;
import org.plasticity.core.net.Network;
import org.plasticity.core.net.NeuronFactory;
import org.plasticity.core.net.SpikingCnn;
import org.plasticity.core.net.SpikingResNet18;
import org.plasticity.core.neuron.DsrLif;
import org.plasticity.core.neuron.ReluNeuron;
import org.plasticity.trainers.config.CnnModel;
import org.plasticity.trainers.config.NhlAdaptation;
import org.plasticity.trainers.config.MlpModel;
import org.plasticity.trainers.config.ReluActivation;
import org.plasticity.trainers.config.ResNetModel;
import org.plasticity.core.net.BpttForward;
import org.plasticity.core.net.DsrForward;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.net.ForwardPass;
import org.plasticity.core.net.MlpSpec;
import org.plasticity.core.net.OnlineForward;
import org.plasticity.core.neuron.OnlineLif;
import org.plasticity.core.net.Readout;
import org.plasticity.core.net.SpikingMlp;
import org.plasticity.core.neuron.SpikingNeuron;
import org.plasticity.core.neuron.Surrogate;
import org.plasticity.core.neuron.Surrogates;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.trainers.config.AtanSurrogate;
import org.plasticity.trainers.config.DirectEncoding;
import org.plasticity.trainers.config.DsrLifNeuron;
import org.plasticity.trainers.config.EncodingConfig;
import org.plasticity.trainers.config.ErfSurrogate;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.FastSigmoidSurrogate;
import org.plasticity.trainers.config.LatencyEncoding;
import org.plasticity.trainers.config.ModelConfig;
import org.plasticity.trainers.config.NeuronConfig;
import org.plasticity.trainers.config.PiecewiseQuadraticSurrogate;
import org.plasticity.trainers.config.PoissonEncoding;
import org.plasticity.trainers.config.SigmoidSurrogate;
import org.plasticity.trainers.config.SurrogateConfig;
import org.plasticity.trainers.config.TriangleSurrogate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Builds the network a config describes, for a scenario: the architecture {@code model.type} names,
 * from a registry with one builder per {@link ModelConfig} type; the heads from the scenario; the
 * neurons, encoding and readout; and how the neurons train ({@code training.method}). An
 * architecture that does not fit the data is a user error naming the key.
 */
public final class NetworkFactory {
    /** Builds the network of one architecture. */
    @FunctionalInterface
    private interface Builder {
        Network build(ModelConfig model, ExperimentConfig config, Scenario scenario, NDManager manager);
    }

    /** The architecture registry: one entry per {@link ModelConfig} type. */
    private static final Map<Class<? extends ModelConfig>, Builder> BUILDERS = Map.of(
            MlpModel.class, NetworkFactory::mlp,
            CnnModel.class, NetworkFactory::cnn,
            ResNetModel.class, NetworkFactory::resnet18);

    private NetworkFactory() {
    }

    /** The network, its parameters in a child of {@code manager}, initialised from the run seed. */
    public static Network create(ExperimentConfig config, Scenario scenario, NDManager manager) {
        ModelConfig model = config.model();
        Builder builder = BUILDERS.get(model.getClass());
        if (builder == null) {
            throw new IllegalStateException("no network builder for " + model.getClass().getSimpleName());
        }
        return builder.build(model, config, scenario, manager);
    }

    /** NHL's neuro-modulator, or null when the experiment does not adapt with NHL. */
    private static ModulatedArchitecture.Kind modulator(ExperimentConfig config) {
        if (config.adapts() && config.adaptation().method() instanceof NhlAdaptation nhl) {
            return nhl.modulator().equals("conv1x1") ? ModulatedArchitecture.Kind.CONV_1X1
                    : ModulatedArchitecture.Kind.CHANNEL_AFFINE;
        }
        return null;
    }

    /** The output units of each head: one per task (task-incremental) or one shared head. */
    static List<Integer> headOutputs(Scenario scenario) {
        List<Integer> heads = new ArrayList<>();
        if (scenario.taskIncremental()) {
            for (int t = 0; t < scenario.numTasks(); t++) {
                heads.add(scenario.task(t).outputs());
            }
        } else {
            heads.add(scenario.sharedOutputs());
        }
        return heads;
    }

    private static Network mlp(ModelConfig model, ExperimentConfig config, Scenario scenario, NDManager manager) {
        MlpModel mlp = (MlpModel) model;
        MlpSpec spec = new MlpSpec(scenario.inputDim(), mlp.hidden(), mlp.bias(), headOutputs(scenario),
                mlp.timesteps());
        return new SpikingMlp(spec, forwardPass(config), ErrorRoutes.named(config.training().feedback()), manager,
                Seeds.derive(config.seed(), "init"));
    }

    private static Network cnn(ModelConfig model, ExperimentConfig config, Scenario scenario, NDManager manager) {
        CnnModel cnn = (CnnModel) model;
        SpikingCnn.Spec spec = new SpikingCnn.Spec(imageShape(config, scenario), cnn.channels(),
                cnn.pooling().equals("max") ? Pool2dLayer.Kind.MAX : Pool2dLayer.Kind.AVG, cnn.bias(),
                headOutputs(scenario), scenario.taskIncremental());
        return layered(new SpikingCnn(spec, neuronLayers(config)), config, manager);
    }

    private static Network resnet18(ModelConfig model, ExperimentConfig config, Scenario scenario,
                                    NDManager manager) {
        ResNetModel resnet = (ResNetModel) model;
        SpikingResNet18.Spec spec = new SpikingResNet18.Spec(imageShape(config, scenario), resnet.width(),
                resnet.stem().equals("conv5-stride2") ? SpikingResNet18.Stem.CONV5_STRIDE2 : SpikingResNet18.Stem.CONV3,
                headOutputs(scenario), scenario.taskIncremental());
        return layered(new SpikingResNet18(spec, neuronLayers(config)), config, manager);
    }

    /** The scenario's {@code [C, H, W]}; a flat scenario (permuted pixels) cannot feed a convolution. */
    private static long[] imageShape(ExperimentConfig config, Scenario scenario) {
        long[] shape = scenario.inputShape();
        if (shape.length != 3) {
            throw new UserError("model.type: " + ModelConfig.typeName(config.model()) + " needs images with their spatial "
                    + "layout [C, H, W], but data.scenario=" + config.data().scenario() + " serves flat vectors of "
                    + scenario.inputDim() + " features (pixels permuted); use model.type=mlp, or a split scenario");
        }
        return shape;
    }

    private static Network layered(Architecture base, ExperimentConfig config, NDManager manager) {
        ModelConfig model = config.model();
        ModulatedArchitecture.Kind modulator = modulator(config);
        Architecture architecture = modulator == null ? base : new ModulatedArchitecture(base, modulator);
        int steps = model.timesteps();
        NeuronConfig neuron = model.neuron();
        Readout rate = neuron instanceof DsrLifNeuron d ? Readout.weightedRate(steps, d.tau(), d.dt()) : null;
        Readout readout = rate != null ? readout(model.readout(), steps, ((DsrLifNeuron) neuron).tau(),
                ((DsrLifNeuron) neuron).dt()) : readout(model.readout(), steps, Double.NaN, Double.NaN);
        try {
            return new LayeredNetwork(architecture, c -> encoder(model.encoding(), c), readout, rate,
                    ErrorRoutes.named(config.training().feedback()), steps, manager,
                    Seeds.derive(config.seed(), "init"));
        } catch (IllegalArgumentException e) {
            throw new UserError("model: " + e.getMessage() + "; the data's samples are "
                    + java.util.Arrays.toString(architecture.inputShape()), e);
        }
    }

    /** The neuron layers of a layered network, by training method. */
    private static NeuronFactory neuronLayers(ExperimentConfig config) {
        NeuronConfig neuron = config.model().neuron();
        int steps = config.model().timesteps();
        if (neuron instanceof DsrLifNeuron d) {
            Readout rate = Readout.weightedRate(steps, d.tau(), d.dt());
            return (name, context) -> {
                Param vth = new Param(name + ".vth", context.manager().create(new float[] {(float) d.vth()},
                        new ai.djl.ndarray.types.Shape()));
                vth.setTrainable(d.trainVth());
                return new DsrNeuronLayer(name, new DsrLif(d.tau(), d.dt(), d.alpha(), rate, context.constants()),
                        vth, d.vthBound(), context.constants());
            };
        }
        if (config.training().method().equals("ottt")) {
            org.plasticity.trainers.config.LifNeuron l = (org.plasticity.trainers.config.LifNeuron) neuron;
            return (name, context) -> new OnlineNeuronLayer(name, new OnlineLif(l.tau(), l.vth(), l.decayInput(),
                    surrogate(l.surrogate(), context.constants()), context.constants()));
        }
        return (name, context) -> new NeuronLayer(name, neurons(neuron, context.constants()).apply(0));
    }

    private static ForwardPass.Factory forwardPass(ExperimentConfig config) {
        ModelConfig model = config.model();
        int steps = model.timesteps();
        NeuronConfig neuron = model.neuron();
        if (neuron instanceof DsrLifNeuron d) {
            Readout readout = readout(model.readout(), steps, d.tau(), d.dt());
            DsrForward.Settings settings = new DsrForward.Settings(d.vth(), d.tau(), d.dt(), d.alpha(), d.trainVth(),
                    d.vthBound());
            return (hidden, gates, context) -> new DsrForward(hidden, gates, settings, encoder(model.encoding(), context.constants()),
                    readout, context);
        }
        Readout readout = readout(model.readout(), steps, Double.NaN, Double.NaN);
        if (config.training().method().equals("ottt")) {
            org.plasticity.trainers.config.LifNeuron l = (org.plasticity.trainers.config.LifNeuron) neuron;
            return (hidden, gates, context) -> new OnlineForward(hidden, gates, new OnlineLif(l.tau(), l.vth(), l.decayInput(),
                    surrogate(l.surrogate(), context.constants()), context.constants()), readout, context);
        }
        return (hidden, gates, context) -> new BpttForward(hidden, gates, neurons(neuron, context.constants()),
                encoder(model.encoding(), context.constants()), readout, context);
    }

    private static IntFunction<SpikingNeuron> neurons(NeuronConfig neuron, Constants c) {
        if (neuron instanceof org.plasticity.trainers.config.LifNeuron l) {
            Surrogate s = surrogate(l.surrogate(), c);
            return width -> new org.plasticity.core.neuron.LifNeuron(l.tau(), l.vth(), l.decayInput(),
                    l.detachReset(), s, c);
        }
        if (neuron instanceof org.plasticity.trainers.config.IfNeuron i) {
            Surrogate s = surrogate(i.surrogate(), c);
            return width -> new org.plasticity.core.neuron.IfNeuron(i.vth(), i.detachReset(), s, c);
        }
        if (neuron instanceof ReluActivation) {
            return width -> new ReluNeuron();
        }
        throw new IllegalStateException("no BPTT neuron for " + neuron.getClass().getSimpleName());
    }

    static Surrogate surrogate(SurrogateConfig config, Constants c) {
        if (config instanceof SigmoidSurrogate s) {
            return Surrogates.create("sigmoid", s.alpha(), c);
        }
        if (config instanceof AtanSurrogate s) {
            return Surrogates.create("atan", s.alpha(), c);
        }
        if (config instanceof FastSigmoidSurrogate s) {
            return Surrogates.create("fast-sigmoid", s.slope(), c);
        }
        if (config instanceof TriangleSurrogate s) {
            return Surrogates.create("triangle", s.width(), c);
        }
        if (config instanceof PiecewiseQuadraticSurrogate s) {
            return Surrogates.create("piecewise-quadratic", s.alpha(), c);
        }
        if (config instanceof ErfSurrogate s) {
            return Surrogates.create("erf", s.alpha(), c);
        }
        throw new IllegalStateException("no surrogate for " + config.getClass().getSimpleName());
    }

    private static Encoder encoder(EncodingConfig config, Constants c) {
        if (config instanceof DirectEncoding) {
            return new DirectEncoder();
        }
        if (config instanceof PoissonEncoding p) {
            return new PoissonEncoder(p.gain(), c);
        }
        if (config instanceof LatencyEncoding l) {
            return new LatencyEncoder(l.threshold(), c);
        }
        throw new IllegalStateException("no encoder for " + config.getClass().getSimpleName());
    }

    private static Readout readout(String kind, int steps, double tau, double dt) {
        return switch (kind) {
            case "mean" -> Readout.mean(steps);
            case "sum" -> Readout.sum(steps);
            case "weighted-rate" -> Readout.weightedRate(steps, tau, dt);
            default -> throw new IllegalStateException("unknown readout " + kind);
        };
    }
}
