package org.plasticity.trainers.sizing;

import java.util.ArrayList;
import java.util.List;

/**
 * A rough size of a network before it is built: its parameter tensors, each with the config key that sets its size,
 * and the activations one training sample keeps per time step for the backward pass (floats).
 */
public final class NetworkSize {
    /** One parameter tensor: its elements and the key whose value sizes it. */
    public record Tensor(String key, String shape, double elements) {
    }

    private final List<Tensor> tensors = new ArrayList<>();
    private double activationsPerSampleStep;

    /** Adds a parameter tensor (elements as a double: impossible sizes must not overflow). */
    void tensor(String key, String shape, double elements) {
        tensors.add(new Tensor(key, shape, elements));
    }

    /** Adds {@code floats} of activations kept per sample and time step. */
    void activations(double floats) {
        activationsPerSampleStep += floats;
    }

    /** The parameter tensors. */
    public List<Tensor> tensors() {
        return List.copyOf(tensors);
    }

    /** Parameters in all. */
    public double parameters() {
        return tensors.stream().mapToDouble(Tensor::elements).sum();
    }

    /** The largest parameter tensor. */
    public Tensor largest() {
        return tensors.stream().max(java.util.Comparator.comparingDouble(Tensor::elements)).orElseThrow();
    }

    /** Floats of activations kept per sample and time step. */
    public double activationsPerSampleStep() {
        return activationsPerSampleStep;
    }
}
