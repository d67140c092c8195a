package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.net.Readout;
import org.plasticity.core.tensor.Constants;

import java.util.Collections;
import java.util.List;

/**
 * What the layers of one forward pass share: the number of timesteps T, the {@link Mode}, the
 * network's kept constants, the observer of presynaptic activity, the rate summary that
 * observed inputs carry (DSR's weighted firing rate, or none), and the network's {@link UnitGates}
 * ({@link #forward} applies a layer's gate to its output).
 */
public final class ForwardContext {
    private final int timesteps;
    private final Mode mode;
    private final Constants constants;
    private final LayerObserver observer;
    private final StepSummary rate;
    private final boolean collapse;
    private final Readout everyStep;
    private final UnitGates gates;

    /**
     * @param timesteps T
     * @param mode how normalisation and dropout behave
     * @param constants kept scalars of the network
     * @param observer receives each weight layer's input ({@link LayerObserver#NONE} for none)
     * @param rate the summary put into {@link LayerInput#rate()}, or null
     */
    public ForwardContext(int timesteps, Mode mode, Constants constants, LayerObserver observer, StepSummary rate) {
        this(timesteps, mode, constants, observer, rate, true);
    }

    /**
     * @param collapse whether DSR's B-row sums pass through {@link TimeLinear} layers
     *     ({@link #forward}); off, every gradient takes the per-step form (for verification)
     */
    public ForwardContext(int timesteps, Mode mode, Constants constants, LayerObserver observer, StepSummary rate,
                          boolean collapse) {
        this(timesteps, mode, constants, observer, rate, collapse, UnitGates.NONE);
    }

    /**
     * @param gates the network's unit gates: a set gate acts on the output of the layer it follows
     */
    public ForwardContext(int timesteps, Mode mode, Constants constants, LayerObserver observer, StepSummary rate,
                          boolean collapse, UnitGates gates) {
        this.gates = gates;
        this.collapse = collapse;
        this.everyStep = Readout.sum(timesteps);
        this.timesteps = timesteps;
        this.mode = mode;
        this.constants = constants;
        this.observer = observer;
        this.rate = rate;
    }

    /**
     * Applies a layer: its own forward on the per-step value, and, when the input carries a
     * {@link DeferredSum} and the layer is time-linear in this pass, the deferred sum through it too.
     * Any other layer drops the deferred sum, so the gradient takes the exact per-step form there.
     * Then the gate set on the layer's output, if any, in the same way (a gate is time-linear).
     */
    public Activity forward(Layer layer, Activity input) {
        Activity out = layer.forward(input, this);
        if (collapse && input.deferred() != null && layer instanceof TimeLinear linear && linear.timeLinear(this)) {
            out = out.withDeferred(input.deferred().then(linear));
        }
        UnitGate gate = gates.after(layer);
        return gate == null ? out : forward(gate, out);
    }

    /** The gate set on {@code layer}'s output, or null (for passes that apply layers themselves). */
    public UnitGate gateAfter(Layer layer) {
        return gates.after(layer);
    }

    /** The plain sum over the T steps of this pass, one object, so deferred sums can be shared. */
    public Readout everyStep() {
        return everyStep;
    }

    /** Whether DSR's B-row sums are used where they are exact. */
    public boolean collapses() {
        return collapse;
    }

    public int timesteps() {
        return timesteps;
    }

    public Mode mode() {
        return mode;
    }

    public Constants constants() {
        return constants;
    }

    /** Whether some method observes layer inputs in this pass. */
    public boolean observing() {
        return observer != LayerObserver.NONE;
    }

    /** The per-step tensors {@code [B, ...]} of an activity (one tensor T times when static). */
    public List<NDArray> steps(Activity activity) {
        if (activity.isStatic()) {
            return Collections.nCopies(timesteps, activity.value());
        }
        return timesteps == 1 ? List.of(activity.value())
                : activity.value().split(timesteps, 0).getResourceNDArrays();
    }

    /** The activity as a time-major tensor {@code [T·B, ...]} (a static one repeated T times). */
    public NDArray timeMajor(Activity activity) {
        return activity.isStatic() && timesteps > 1 ? repeatRows(activity.value(), timesteps) : activity.value();
    }

    /**
     * {@code x [B, ...]} stacked {@code times} times along axis 0, {@code [times·B, ...]}. (DJL's
     * PyTorch engine does not implement {@code tile(axis, repeats)}; {@code tile(long[])} is torch's
     * {@code repeat}.)
     */
    static NDArray repeatRows(NDArray x, long times) {
        long[] repeats = new long[x.getShape().dimension()];
        java.util.Arrays.fill(repeats, 1);
        repeats[0] = times;
        return x.tile(repeats);
    }

    /**
     * Reports the input of weight layer {@code layer} to the observer, with the rate summary of its
     * steps (the input itself when static, as the summary's weights add up to 1), detached.
     */
    public void observe(int layer, Activity input) {
        if (!observing()) {
            return;
        }
        NDArray value = input.value().stopGradient();
        Activity detached = new Activity(value, input.isStatic());
        List<NDArray> steps = steps(detached);
        NDArray summary = rate == null ? null : input.isStatic() ? value : rate.of(steps);
        observer.onInput(new LayerInput(layer, steps, summary));
    }
}
