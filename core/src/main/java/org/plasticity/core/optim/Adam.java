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
 * Adam exactly as {@code torch.optim.Adam} (L2 weight decay added to the gradient, bias-corrected
 * moments): {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²},
 * {@code p ← p − lr·(m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + ε)}, with t counted per parameter.
 */
public final class Adam implements Optimizer {
    /** Hyper-parameters. */
    public record Settings(double lr, double beta1, double beta2, double eps, double weightDecay) {
    }

    private record Moments(NDArray m, NDArray v, int[] step) {
    }

    private final List<Param> params;
    private final Settings settings;
    private final NDManager stateManager;
    private final Constants c;
    private final Map<Param, Moments> moments = new HashMap<>();
    private double lr;

    public Adam(List<Param> params, Settings settings, NDManager manager) {
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
                if (settings.weightDecay() != 0) {
                    g = g.add(p.value().mul(c.of(settings.weightDecay())));
                }
                Moments mo = moments.computeIfAbsent(p, k -> newMoments(k.value()));
                int t = ++mo.step()[0];
                mo.m().muli(c.of(settings.beta1())).addi(g.mul(c.of(1 - settings.beta1())));
                mo.v().muli(c.of(settings.beta2())).addi(g.square().mul(c.of(1 - settings.beta2())));
                double bc1 = 1 - Math.pow(settings.beta1(), t);
                double bc2 = 1 - Math.pow(settings.beta2(), t);
                NDArray denom = mo.v().mul(c.of(1 / bc2)).sqrt().add(c.of(settings.eps()));
                p.value().subi(mo.m().div(denom).mul(c.of(lr / bc1)));
            }
        }
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        for (int i = 0; i < params.size(); i++) {
            Moments mo = moments.get(params.get(i));
            if (mo != null) {
                checkpoint.putTensor(prefix + "m/" + i, mo.m());
                checkpoint.putTensor(prefix + "v/" + i, mo.v());
                checkpoint.putLongs(prefix + "step/" + i, mo.step()[0]);
            }
        }
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        moments.values().forEach(mo -> {
            mo.m().close();
            mo.v().close();
        });
        moments.clear();
        for (int i = 0; i < params.size(); i++) {
            if (checkpoint.has(prefix + "m/" + i)) {
                NDArray m = StepScope.keep(checkpoint.tensor(prefix + "m/" + i, stateManager));
                NDArray v = StepScope.keep(checkpoint.tensor(prefix + "v/" + i, stateManager));
                moments.put(params.get(i), new Moments(m, v, new int[] {(int) checkpoint.longValue(prefix + "step/" + i)}));
            }
        }
    }

    private Moments newMoments(NDArray like) {
        NDArray m = StepScope.keep(stateManager.zeros(like.getShape(), like.getDataType()));
        NDArray v = StepScope.keep(stateManager.zeros(like.getShape(), like.getDataType()));
        return new Moments(m, v, new int[1]);
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
        moments.clear();
        c.close();
        stateManager.close();
    }
}
