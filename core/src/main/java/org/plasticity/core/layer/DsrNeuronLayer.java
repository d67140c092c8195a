package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.plasticity.core.neuron.DsrLif;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer of DSR LIF neurons (hlop.md §1.1) in a network of layers: the forward simulation runs
 * without a graph on the detached currents, and each step's output carries DSR's rate gradient
 * ({@link DsrLif#differentiableSteps}), so the layers after it may be anything (BatchNorm with
 * batch statistics, max pooling). The output also carries its {@link DeferredSum}: where only
 * {@link TimeLinear} layers lie between these neurons and the next ones (or the readout), the next
 * neurons take their input current's sum from it, and the graph of those layers holds B rows instead
 * of T·B (DSR's input gradient is the same at every step). The threshold is a trainable 0-d parameter kept at or above its
 * bound after every update ({@code Vth ← relu(Vth − bound) + bound}), as the reference clamps
 * before every forward.
 */
public final class DsrNeuronLayer implements Layer {
    private final String name;
    private final DsrLif neuron;
    private final Param threshold;
    private final double bound;
    private final Constants c;

    /**
     * @param name parameter-name prefix; the threshold is {@code name.vth}
     * @param neuron the DSR neuron rule
     * @param threshold the layer's threshold
     * @param bound the threshold's lower bound
     * @param constants kept scalars
     */
    public DsrNeuronLayer(String name, DsrLif neuron, Param threshold, double bound, Constants constants) {
        this.name = name;
        this.neuron = neuron;
        this.threshold = threshold;
        this.bound = bound;
        this.c = constants;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        int steps = context.timesteps();
        List<NDArray> currents = new ArrayList<>(steps);
        NDArray total = null;
        // without recording (evaluation) the sum that only carries DSR's gradient is left out
        boolean graph = Gradients.recording();
        if (input.isStatic()) {
            NDArray detached = input.value().stopGradient();
            for (int t = 0; t < steps; t++) {
                currents.add(detached);
            }
            if (graph) {
                total = input.value().mul(c.of(steps));
            }
        } else {
            List<NDArray> withGraph = context.steps(input);
            for (NDArray s : withGraph) {
                currents.add(s.stopGradient());
            }
            // the currents' gradient is the same at every step, so a deferred B-row sum is exact here
            if (graph) {
                total = input.deferred() != null && context.collapses()
                        ? input.deferred().weightedSum(context.everyStep(), context)
                        : input.value().reshape(DsrLif.timeFirst(input.value().getShape(), steps)).sum(new int[] {0});
            }
        }
        DsrLif.Output out = neuron.run(currents, total, threshold.value());
        NDArray perStep;
        if (out.gradientTerm() == null) {
            perStep = out.timeMajor();
        } else {
            List<NDArray> outputs = neuron.differentiableSteps(out);
            perStep = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(new NDList(outputs), 0);
        }
        return new Activity(perStep, false, DeferredSum.ofDsr(neuron, out));
    }

    @Override
    public long[] outputShape(long[] input) {
        return input.clone();
    }

    @Override
    public List<Param> parameters() {
        return List.of(threshold);
    }

    @Override
    public void afterUpdate() {
        try (StepScope scope = StepScope.open()) {
            NDArray clamped = threshold.value().sub(c.of(bound)).maximum(c.of(0)).add(c.of(bound));
            threshold.value().subi(threshold.value()).addi(clamped);
        }
    }
}
