package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Mode;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.state.Stateful;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.List;

/**
 * A network as trainers and methods see it, whatever its architecture (an MLP, a CNN, a ResNet):
 * a body that maps a batch to the classifier's input under the network's readout,
 * {@code Σ_t a_t·s_t [B, F]}, and linear heads (one shared, or one per task) applied to it. The
 * heads are linear, so applying one to the readout equals the readout of its per-step outputs.
 * Weight layers are numbered in a stable order — body first, input side first, then the heads —
 * that per-layer config lists and {@code LayerInput.layer()} refer to.
 */
public interface Network extends Stateful, AutoCloseable {
    /** Timesteps T of a forward pass. */
    int timesteps();

    /**
     * The classifier's input for a batch.
     *
     * @param x the batch {@code [B, D]}, each row a flattened sample of the network's input shape
     * @param observer receives each weight layer's presynaptic activity (the classifier's too)
     */
    NDArray features(NDArray x, LayerObserver observer);

    /** Logits {@code [B, C]} of head {@code head} for features from {@link #features}. */
    NDArray logits(NDArray features, int head);

    /** Logits of a batch through one head. */
    default NDArray forward(NDArray x, int head) {
        return logits(features(x, LayerObserver.NONE), head);
    }

    /** The online (OTTT) training pass, or null when the network trains another way. */
    default OnlineTraining online() {
        return null;
    }

    /**
     * OTTT: logits of one step from the classifier's input spikes, the head's weight gradient taken
     * from their trace (from the input itself when it carries no trace).
     */
    default NDArray stepLogits(OnlineForward.StepOutput output, int head) {
        LinearLayer h = heads().get(head);
        return output.trace() == null ? h.apply(output.spikes()) : h.applyWithTrace(output.spikes(), output.trace());
    }

    /** Restores parameter constraints (threshold bounds) after an optimizer update. */
    void afterUpdate();

    /** The weight layers before the heads, input side first. */
    List<WeightLayer> bodyWeightLayers();

    /** The classifier heads. */
    List<LinearLayer> heads();

    /** Every weight layer: the body's, then the heads. */
    default List<WeightLayer> weightLayers() {
        List<WeightLayer> all = new ArrayList<>(bodyWeightLayers());
        all.addAll(heads());
        return all;
    }

    /**
     * Completes the weight gradients after a backward pass: the layers add what they form outside autograd
     * ({@link WeightLayer#completeGradients}). Every backward pass through the network is followed by one call,
     * before anything reads a gradient.
     */
    default void completeGradients() {
        for (WeightLayer layer : weightLayers()) {
            layer.completeGradients();
        }
    }

    /**
     * The gates on the network's units (HAT's masks act through them), open until a method sets
     * them; {@link UnitGates#NONE} for a network without any.
     */
    default UnitGates unitGates() {
        return UnitGates.NONE;
    }

    /** All parameters (weights, biases, normalisation affines, thresholds). */
    List<Param> parameters();

    /** All buffers (running statistics); empty for networks without normalisation. */
    List<Buffer> buffers();

    /** How normalisation and dropout behave from now on. */
    void setMode(Mode mode);

    Mode mode();

    /** Freezes every BatchNorm's statistics and affine parameters for good ({@code fix_bn}). */
    void freezeStatistics();

    /** The network's long-lived manager (for method state that must live as long as it). */
    NDManager manager();

    /** The network's kept constants. */
    Constants constants();

    @Override
    void close();
}
