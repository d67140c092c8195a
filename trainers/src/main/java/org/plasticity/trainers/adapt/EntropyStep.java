package org.plasticity.trainers.adapt;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.config.OptimizerConfig;

/**
 * One entropy-minimisation step on a chosen set of parameters, shared by Tent and NHL's modulator: forward with
 * gradients, {@code L = H(softmax(logits))} ({@link Entropy}), backward, optimizer update of those parameters only.
 * Every other parameter stops recording gradients while the step exists, so backward reaches the adapted parameters
 * alone and the rest of the network stays bit-unchanged; {@link #close()} turns recording back on.
 */
final class EntropyStep implements AutoCloseable {
    private final Network network;
    private final int head;
    private final List<Param> adapted;
    private final List<Param> silenced = new ArrayList<>();
    private final OptimizerConfig optimizerConfig;
    private final NDManager manager;
    private Optimizer optimizer;

    EntropyStep(Network network, int head, List<Param> adapted, OptimizerConfig optimizer) {
        this.network = network;
        this.head = head;
        this.adapted = List.copyOf(adapted);
        this.optimizerConfig = optimizer;
        this.manager = network.manager().newSubManager();
        for (Param p : network.parameters()) {
            if (!this.adapted.contains(p)) {
                p.value().setRequiresGradient(false);
                silenced.add(p);
            }
        }
        for (Param p : this.adapted) {
            p.setTrainable(true);
        }
        this.optimizer = OptimizerFactory.create(optimizer, this.adapted, manager);
    }

    /** Forward, backward and update; returns the logits of this (pre-update) forward. */
    NDArray step(NDArray x) {
        for (Param p : adapted) {
            p.zeroGradient();
        }
        NDArray logits;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            logits = network.forward(x, head);
            collector.backward(Entropy.mean(logits));
            network.completeGradients();
        }
        optimizer.step();
        return logits;
    }

    /** A fresh optimizer: its moments start from zero again. */
    void reset() {
        optimizer.close();
        optimizer = OptimizerFactory.create(optimizerConfig, adapted, manager);
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
        for (Param p : silenced) {
            p.value().setRequiresGradient(true);
        }
    }
}
