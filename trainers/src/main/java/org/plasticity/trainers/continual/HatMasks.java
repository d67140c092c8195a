package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * HAT's memory of the tasks trained so far (hat.md §1.5, §1.7): per gate the cumulative mask
 * {@code a< = max_{t' < t} σ(smax·e_t')}, elementwise and real-valued as the authors keep it; from it
 * <ul>
 * <li>the gradient condition of each wired weight, {@code ∂W[i, j] ← ∂W[i, j]·(1 − min(a<_post,i,
 * a<_pre,j))} (the pre side expanded channel-major over a flatten; a layer reading ungated data uses
 * {@code 1 − a<_post,i}, a shared head {@code 1 − a<_pre,j}), and of its bias, {@code 1 − a<_post,i}
 * (0 for a shared head);</li>
 * <li>the regulariser {@code λ·R}, {@code R = Σ_g Σ_i a_{g,i}(1 − a<_{g,i}) / Σ_g Σ_i (1 − a<_{g,i})}: one
 * ratio over all gates (before the first task a< = 0, so R = Σ a / Σ n), 0 when no unit is free.</li>
 * </ul>
 */
final class HatMasks {
    private final List<UnitGate> gates;
    private final List<UnitGates.Wiring> wiring;
    private final NDManager manager;
    private final Constants c;
    private final Map<UnitGate, NDArray> cumulative = new IdentityHashMap<>();
    private final List<NDArray> free = new ArrayList<>();
    private final List<NDArray> weightConditions = new ArrayList<>();
    private final List<NDArray> biasConditions = new ArrayList<>();
    private double freeTotal;

    /**
     * @param gates every gate, in order
     * @param wiring the weights to condition and their gates
     * @param manager owns the masks and conditions
     */
    HatMasks(List<UnitGate> gates, List<UnitGates.Wiring> wiring, NDManager manager, Constants c) {
        this.gates = List.copyOf(gates);
        this.wiring = List.copyOf(wiring);
        this.manager = manager;
        this.c = c;
        derive();
    }

    /** Whether some task's mask has been absorbed (gradients are conditioned from then on). */
    boolean isEmpty() {
        return cumulative.isEmpty();
    }

    /** The cumulative mask of a gate, or null before the first task ends. */
    NDArray cumulative(UnitGate gate) {
        return cumulative.get(gate);
    }

    /** {@code a< ← max(a<, mask)} for each gate's mask of the task just trained (in gate order). */
    void absorb(List<NDArray> masks) {
        try (Gradients.AutoCloseableMode g = Gradients.notRecording()) {
            for (int i = 0; i < gates.size(); i++) {
                NDArray old = cumulative.get(gates.get(i));
                NDArray mask = masks.get(i);
                NDArray next = old == null ? mask.duplicate() : old.maximum(mask);
                put(gates.get(i), next);
                if (old != null) {
                    old.close();
                }
            }
        }
        derive();
    }

    private void put(UnitGate gate, NDArray mask) {
        mask.attach(manager);
        cumulative.put(gate, StepScope.keep(mask));
    }

    /** Rebuilds the free capacity and the gradient conditions from the cumulative masks. */
    private void derive() {
        free.forEach(NDArray::close);
        weightConditions.forEach(this::closeIfPresent);
        biasConditions.forEach(this::closeIfPresent);
        free.clear();
        weightConditions.clear();
        biasConditions.clear();
        try (Gradients.AutoCloseableMode g = Gradients.notRecording(); StepScope scope = StepScope.open()) {
            double total = 0;
            for (UnitGate gate : gates) {
                NDArray f = cumulative.containsKey(gate) ? c.of(1).sub(cumulative.get(gate))
                        : manager.ones(new Shape(gate.width()));
                total += f.sum().getFloat();
                free.add(kept(f));
            }
            freeTotal = total;
            if (isEmpty()) {
                return;
            }
            for (UnitGates.Wiring w : wiring) {
                Param bias = w.layer().bias();
                weightConditions.add(kept(weightCondition(w.layer().weight().value().getShape(), expanded(w),
                        w.post() == null ? null : cumulative.get(w.post()), c)));
                biasConditions.add(bias == null ? null : kept(w.post() == null
                        ? manager.zeros(bias.value().getShape()) : c.of(1).sub(cumulative.get(w.post()))));
            }
        }
    }

    private NDArray kept(NDArray x) {
        NDArray copy = x.duplicate();
        copy.attach(manager);
        return StepScope.keep(copy);
    }

    private void closeIfPresent(NDArray x) {
        if (x != null) {
            x.close();
        }
    }

    /** The cumulative mask of the wiring's pre gate over the weight's input columns, or null. */
    private NDArray expanded(UnitGates.Wiring w) {
        if (w.pre() == null) {
            return null;
        }
        NDArray pre = cumulative.get(w.pre());
        int width = w.pre().width();
        return w.preRepeat() == 1 ? pre
                : pre.reshape(width, 1).broadcast(new Shape(width, w.preRepeat())).reshape(width * w.preRepeat());
    }

    /**
     * {@code 1 − min(post_i, pre_j)} over a weight {@code [out, in, ...]} (kernel positions share it);
     * {@code 1 − post_i} without pre, {@code 1 − pre_j} without post.
     */
    static NDArray weightCondition(Shape shape, NDArray pre, NDArray post, Constants c) {
        int rank = shape.dimension();
        NDArray postB = post == null ? null : post.reshape(along(rank, 0, shape.get(0)));
        NDArray preB = pre == null ? null : pre.reshape(along(rank, 1, shape.get(1)));
        NDArray used = postB == null ? preB : preB == null ? postB : postB.minimum(preB);
        return c.of(1).sub(used).broadcast(shape);
    }

    private static Shape along(int rank, int axis, long size) {
        long[] dims = new long[rank];
        java.util.Arrays.fill(dims, 1);
        dims[axis] = size;
        return new Shape(dims);
    }

    /** Multiplies each wired weight's and bias's gradient by its condition, in place (no-op before the first task ends). */
    void condition() {
        if (isEmpty()) {
            return;
        }
        for (int i = 0; i < wiring.size(); i++) {
            UnitGates.Wiring w = wiring.get(i);
            multiply(w.layer().weight(), weightConditions.get(i));
            multiply(w.layer().bias(), biasConditions.get(i));
        }
    }

    private static void multiply(Param p, NDArray condition) {
        NDArray g = p == null ? null : p.gradient();
        if (g != null) {
            g.muli(condition);
        }
    }

    /**
     * {@code λ·R} for the gates' current values {@code a} (in gate order, with their graph), or null when
     * no unit is free.
     */
    NDArray regulariser(List<NDArray> values, double lambda) {
        if (freeTotal <= 0) {
            return null;
        }
        NDArray used = null;
        for (int i = 0; i < values.size(); i++) {
            NDArray term = values.get(i).mul(free.get(i)).sum();
            used = used == null ? term : used.add(term);
        }
        return used.mul(c.of(lambda / freeTotal));
    }

    /** Fraction of each gate's units with {@code a< > ½} (the capacity used), in gate order. */
    List<Double> usedFractions() {
        return fractions(0.5, 2);
    }

    /** Fraction of each gate's units with {@code 0.01 < a< < 0.99}: neither free nor frozen (hat.md §5). */
    List<Double> softFractions() {
        return fractions(0.01, 0.99);
    }

    private List<Double> fractions(double above, double below) {
        List<Double> out = new ArrayList<>();
        for (UnitGate gate : gates) {
            NDArray m = cumulative.get(gate);
            float[] v = m == null ? new float[gate.width()] : m.toFloatArray();
            int n = 0;
            for (float x : v) {
                n += x > above && x < below ? 1 : 0;
            }
            out.add((double) n / v.length);
        }
        return out;
    }

    void save(Checkpoint checkpoint, String prefix) {
        for (UnitGate gate : gates) {
            NDArray m = cumulative.get(gate);
            if (m != null) {
                checkpoint.putTensor(prefix + gate.name(), m);
            }
        }
    }

    void restore(Checkpoint checkpoint, String prefix) {
        cumulative.values().forEach(NDArray::close);
        cumulative.clear();
        for (UnitGate gate : gates) {
            if (checkpoint.has(prefix + gate.name())) {
                put(gate, checkpoint.tensor(prefix + gate.name(), manager));
            }
        }
        derive();
    }
}
