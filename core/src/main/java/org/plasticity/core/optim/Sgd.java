package org.plasticity.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.layer.Param;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.StepScope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent exactly as {@code torch.optim.SGD}: {@code d = g + wd·p}; with
 * momentum μ, {@code buf = d} on the first step and {@code buf = μ·buf + (1 − dampening)·d} after,
 * then {@code d = d + μ·buf} (Nesterov) or {@code d = buf}; finally {@code p ← p − lr·d}.
 * (DJL's own Sgd differs: it folds lr into the momentum buffer.)
 */
public final class Sgd implements Optimizer {
    /** Hyper-parameters. */
    public record Settings(double lr, double momentum, double dampening, double weightDecay,
                           boolean nesterov) {
    }

    private final List<Param> params;
    private final Settings settings;
    private final NDManager stateManager;
    private final Constants c;
    private final Map<Param, NDArray> momentum = new HashMap<>();
    private double lr;

    /**
     * @param params the parameters to update
     * @param settings hyper-parameters
     * @param manager long-lived manager for the momentum buffers
     */
    public Sgd(List<Param> params, Settings settings, NDManager manager) {
        this.params = List.copyOf(params);
        this.settings = settings;
        this.stateManager = manager.newSubManager();
        this.c = new Constants(stateManager);
        this.lr = settings.lr();
    }

    @Override
    public void step() {
        try (StepScope scope = StepScope.open()) {
            for (Param p : params) {
                if (!p.trainable()) {
                    continue;
                }
                NDArray g = p.gradient();
                if (g == null) {
                    continue;
                }
                NDArray d = settings.weightDecay() != 0
                        ? g.add(p.value().mul(c.of(settings.weightDecay()))) : g;
                if (settings.momentum() != 0) {
                    NDArray buf = momentum.get(p);
                    if (buf == null) {
                        buf = StepScope.keep(d.duplicate());
                        buf.attach(stateManager);
                        momentum.put(p, buf);
                    } else {
                        buf.muli(c.of(settings.momentum())).addi(d.mul(c.of(1 - settings.dampening())));
                    }
                    d = settings.nesterov() ? d.add(buf.mul(c.of(settings.momentum()))) : buf;
                }
                p.value().subi(d.mul(c.of(lr)));
            }
        }
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        for (int i = 0; i < params.size(); i++) {
            NDArray buf = momentum.get(params.get(i));
            if (buf != null) {
                checkpoint.putTensor(prefix + "momentum/" + i, buf);
            }
        }
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        momentum.values().forEach(NDArray::close);
        momentum.clear();
        for (int i = 0; i < params.size(); i++) {
            String key = prefix + "momentum/" + i;
            if (checkpoint.has(key)) {
                momentum.put(params.get(i), StepScope.keep(checkpoint.tensor(key, stateManager)));
            }
        }
    }

    /** The momentum buffer of a parameter, or null before its first step (for checkpoints). */
    public NDArray momentumBuffer(Param p) {
        return momentum.get(p);
    }

    @Override
    public List<Param> parameters() {
        return params;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void close() {
        momentum.clear();
        c.close();
        stateManager.close();
    }
}
