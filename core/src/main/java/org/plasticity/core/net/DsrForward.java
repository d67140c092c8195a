package org.plasticity.core.net;

import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.LayerInput;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.encoding.EncodedInput;
import org.plasticity.core.encoding.Encoder;
import org.plasticity.core.neuron.DsrLif;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * DSR training (hlop.md §1.1): the spiking layers run forward step by step without a graph, and
 * gradients flow through the spike representation. DSR's input gradient is the same at every
 * step, so a layer's weight gradient {@code Σ_t g_tᵀ·x_t} collapses to {@code gᵀ·Σ_t x_t}: the
 * graph holds one B-row product per layer ({@code W·Σ_t x_t}) instead of a T·B-row one, and the
 * per-step currents are computed without recording. Thresholds are trainable 0-d parameters kept
 * at or above their bound after every update, as the reference clamps before every forward.
 */
public final class DsrForward implements ForwardPass {
    /** DSR neuron settings. */
    public record Settings(double vth, double tau, double dt, double alpha, boolean trainVth,
                           double vthBound) {
    }

    private final List<LinearLayer> hidden;
    private final List<UnitGate> gates;
    private final NetworkContext context;
    private final Encoder encoder;
    private final Readout readout;
    private final Readout sum;
    private final DsrLif neuron;
    private final Settings settings;
    private final List<Param> thresholds = new ArrayList<>();

    /**
     * @param gates the gate on each hidden layer's spikes: the simulated spikes take its detached
     *     values, the rate term its values with their graph (the gate is the same at every step)
     */
    public DsrForward(List<LinearLayer> hidden, List<UnitGate> gates, Settings settings, Encoder encoder,
                      Readout readout, NetworkContext context) {
        this.hidden = hidden;
        this.gates = gates;
        this.settings = settings;
        this.context = context;
        this.encoder = encoder;
        this.readout = readout;
        int steps = context.timesteps();
        this.sum = Readout.sum(steps);
        this.neuron = new DsrLif(settings.tau(), settings.dt(), settings.alpha(),
                Readout.weightedRate(steps, settings.tau(), settings.dt()), context.constants());
        for (int l = 0; l < hidden.size(); l++) {
            NDArray v = context.manager().create(new float[] {(float) settings.vth()}, new Shape());
            Param p = new Param("sn" + (l + 1) + ".vth", v);
            p.setTrainable(settings.trainVth());
            thresholds.add(p);
        }
    }

    /** A factory for {@link SpikingMlp}. */
    public static Factory factory(Settings settings, Encoder encoder, Readout readout) {
        return (hidden, gates, context) -> new DsrForward(hidden, gates, settings, encoder, readout, context);
    }

    @Override
    public NDArray features(NDArray x, LayerObserver observer) {
        int steps = context.timesteps();
        boolean observed = observer != LayerObserver.NONE;
        // without recording (evaluation) the sums that only carry DSR's gradient are left out
        boolean graph = Gradients.recording();
        Constants c = context.constants();
        EncodedInput input = encoder.encode(x, steps);
        DsrLif.Output out;
        if (input.isStatic()) {
            observer.onInput(new LayerInput(0, Collections.nCopies(steps, x), x));
            if (hidden.isEmpty()) {
                return x.mul(c.of(readout.coefficientSum()));
            }
            NDArray current = hidden.get(0).apply(x);
            out = neuron.run(Collections.nCopies(steps, current.stopGradient()),
                    graph ? current.mul(c.of(steps)) : null, thresholds.get(0).value());
        } else {
            List<NDArray> values = input.timeMajor().split(steps, 0).getResourceNDArrays();
            observer.onInput(new LayerInput(0, values, observed ? neuron.weightedRate(values) : null));
            if (hidden.isEmpty()) {
                return readout.apply(values, c);
            }
            NDArray currentSum = graph ? hidden.get(0).applyToSum(sum.apply(values, c), steps, c) : null;
            out = neuron.run(hidden.get(0).applyDetached(input.timeMajor()), steps, currentSum,
                    thresholds.get(0).value());
        }
        for (int l = 0; ; l++) {
            UnitGate gate = gates.get(l);
            // the simulated spikes, gated without graph, as one time-major tensor [T·B, N]
            NDArray spikes = gate.applyDetached(out.timeMajor());
            if (observed) {
                NDArray rate = gate.isOpen() ? neuron.weightedRate(out)
                        : neuron.rate().applyStacked(spikes.reshape(out.stacked().getShape()), c);
                observer.onInput(new LayerInput(l + 1, gate.isOpen() ? out.spikes()
                        : spikes.split(steps, 0).getResourceNDArrays(), rate));
            }
            if (l + 1 == hidden.size()) {
                return gate.apply(neuron.differentiableSum(out, readout));
            }
            LinearLayer next = hidden.get(l + 1);
            NDArray currentSum = graph
                    ? next.applyToSum(gate.apply(neuron.differentiableSum(out, sum)), steps, c) : null;
            out = neuron.run(next.applyDetached(spikes), steps, currentSum, thresholds.get(l + 1).value());
        }
    }

    @Override
    public double readoutWeight() {
        return readout.coefficientSum();
    }

    @Override
    public List<Param> parameters() {
        return Collections.unmodifiableList(thresholds);
    }

    @Override
    public void afterUpdate() {
        Constants c = context.constants();
        for (Param p : thresholds) {
            // Vth ← relu(Vth − bound) + bound, in place, as the reference does before each forward
            try (StepScope scope = StepScope.open()) {
                NDArray clamped = p.value().sub(c.of(settings.vthBound())).maximum(c.of(0))
                        .add(c.of(settings.vthBound()));
                p.value().subi(p.value()).addi(clamped);
            }
        }
    }
}
