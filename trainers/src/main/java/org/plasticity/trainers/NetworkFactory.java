package org.plasticity.trainers;

import ai.djl.ndarray.NDManager;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.encoding.Encoder;
import org.plasticity.core.encoding.LatencyEncoder;
import org.plasticity.core.encoding.PoissonEncoder;
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
import java.util.function.IntFunction;

/**
 * Builds the spiking network a config describes, for a scenario: the shape from {@code model}
 * and the scenario's heads, the neurons, encoding and readout, and the forward pass of
 * {@code training.method} (BPTT or DSR).
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /** The network, its parameters in a child of {@code manager}, initialised from the run seed. */
    public static SpikingMlp create(ExperimentConfig config, Scenario scenario, NDManager manager) {
        ModelConfig model = config.model();
        List<Integer> heads = new ArrayList<>();
        if (scenario.taskIncremental()) {
            for (int t = 0; t < scenario.numTasks(); t++) {
                heads.add(scenario.task(t).outputs());
            }
        } else {
            heads.add(scenario.sharedOutputs());
        }
        MlpSpec spec = new MlpSpec(scenario.inputDim(), model.hidden(), model.bias(), heads, model.timesteps());
        return new SpikingMlp(spec, forwardPass(config), ErrorRoutes.named(config.training().feedback()), manager,
                Seeds.derive(config.seed(), "init"));
    }

    private static ForwardPass.Factory forwardPass(ExperimentConfig config) {
        ModelConfig model = config.model();
        int steps = model.timesteps();
        NeuronConfig neuron = model.neuron();
        if (neuron instanceof DsrLifNeuron d) {
            Readout readout = readout(model.readout(), steps, d.tau(), d.dt());
            DsrForward.Settings settings = new DsrForward.Settings(d.vth(), d.tau(), d.dt(), d.alpha(), d.trainVth(),
                    d.vthBound());
            return (hidden, context) -> new DsrForward(hidden, settings, encoder(model.encoding(), context.constants()),
                    readout, context);
        }
        Readout readout = readout(model.readout(), steps, Double.NaN, Double.NaN);
        if (config.training().method().equals("ottt")) {
            org.plasticity.trainers.config.LifNeuron l = (org.plasticity.trainers.config.LifNeuron) neuron;
            return (hidden, context) -> new OnlineForward(hidden, new OnlineLif(l.tau(), l.vth(),
                    surrogate(l.surrogate(), context.constants()), context.constants()), readout, context);
        }
        return (hidden, context) -> new BpttForward(hidden, neurons(neuron, context.constants()),
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
