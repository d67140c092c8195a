package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.layer.Param;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.Stateful;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.List;

/**
 * EWC's quadratic penalty {@code ½ Σ_k Σ_i F_k,i (θ_i − θ*_k,i)²} over tasks k, kept in the
 * completed-square form {@code ½ Σ_i A_i (θ_i − m_i)² + ½ C} with {@code A = Σ_k F_k},
 * {@code m = Σ_k F_k θ*_k / A} and the constant {@code C = Σ_k F_k θ*_k² − Σ A m²}. The gradient
 * {@code A (θ − m)} equals the sum of the per-task gradients exactly, and a training step costs one
 * term per parameter however many tasks there are. Online EWC instead keeps {@code A ← γA + F} and
 * {@code m = θ*} of the latest task (C = 0).
 *
 * <p>One entry per parameter of the list it was built for; an entry stays empty until a Fisher
 * estimate for it arrives (parameters that were frozen when it was estimated).
 */
final class QuadraticPenalty implements Stateful {
    private final NDManager manager;
    private final List<NDArray> precision = new ArrayList<>();
    private final List<NDArray> centre = new ArrayList<>();
    private double sumFisherAnchorSquared;
    private double constant;

    QuadraticPenalty(NDManager parent, int params) {
        this.manager = parent.newSubManager();
        for (int i = 0; i < params; i++) {
            precision.add(null);
            centre.add(null);
        }
    }

    /** Whether any task has been absorbed. */
    boolean isEmpty() {
        return precision.stream().allMatch(p -> p == null);
    }

    /**
     * Adds a task: its Fisher diagonal and anchor per parameter (null where there is none).
     *
     * @param online online EWC: decay the accumulated precision by {@code gamma} and re-anchor
     */
    void absorb(List<NDArray> fisher, List<NDArray> anchor, boolean online, double gamma) {
        for (int i = 0; i < precision.size(); i++) {
            NDArray f = fisher.get(i);
            if (f == null) {
                continue;
            }
            NDArray theta = anchor.get(i);
            NDArray a = precision.get(i);
            NDArray m = centre.get(i);
            NDArray newA;
            NDArray newM;
            try (StepScope scope = StepScope.open()) {
                if (online || a == null) {
                    newA = a == null ? f.duplicate() : a.mul(gamma).add(f);
                    newM = theta.duplicate();
                } else {
                    newA = a.add(f);
                    // where A is 0 no task constrains the parameter: any centre gives a zero term
                    NDArray safe = newA.eq(0).toType(newA.getDataType(), false).add(newA);
                    newM = a.mul(m).add(f.mul(theta)).div(safe);
                }
                if (!online) {
                    double[] ff = toDoubles(f);
                    double[] tt = toDoubles(theta);
                    for (int k = 0; k < ff.length; k++) {
                        sumFisherAnchorSquared += ff[k] * tt[k] * tt[k];
                    }
                }
                StepScope.keep(newA).attach(manager);
                StepScope.keep(newM).attach(manager);
            }
            replace(precision, i, newA);
            replace(centre, i, newM);
        }
        constant = online ? 0 : sumFisherAnchorSquared - centredEnergy();
    }

    /** {@code Σ_i A_i m_i²}. */
    private double centredEnergy() {
        double sum = 0;
        for (int i = 0; i < precision.size(); i++) {
            if (precision.get(i) != null) {
                double[] aa = toDoubles(precision.get(i));
                double[] mm = toDoubles(centre.get(i));
                for (int k = 0; k < aa.length; k++) {
                    sum += aa[k] * mm[k] * mm[k];
                }
            }
        }
        return sum;
    }

    private static double[] toDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void replace(List<NDArray> list, int i, NDArray value) {
        NDArray old = list.get(i);
        list.set(i, value);
        if (old != null) {
            old.close();
        }
    }

    /**
     * {@code scale · Σ_i A_i (θ_i − m_i)²} over the trainable parameters, inside the recorded
     * graph, or null when nothing constrains them. Adding {@code scale · C} gives the full penalty.
     */
    NDArray value(List<Param> params, Constants c, double scale) {
        NDArray total = null;
        for (int i = 0; i < params.size(); i++) {
            NDArray a = precision.get(i);
            if (a == null || !params.get(i).trainable()) {
                continue;
            }
            NDArray term = params.get(i).value().sub(centre.get(i)).square().mul(a).sum();
            total = total == null ? term : total.add(term);
        }
        return total == null ? null : total.mul(c.of(scale));
    }

    /** C of the completed square (0 for online EWC). */
    double constant() {
        return constant;
    }

    /** The accumulated precision A per parameter (null where none), for tests and diagnostics. */
    List<NDArray> precision() {
        return precision;
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        checkpoint.putDoubles(prefix + "constants", sumFisherAnchorSquared, constant);
        for (int i = 0; i < precision.size(); i++) {
            if (precision.get(i) != null) {
                checkpoint.putTensor(prefix + "precision" + i, precision.get(i));
                checkpoint.putTensor(prefix + "centre" + i, centre.get(i));
            }
        }
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        double[] constants = checkpoint.doubles(prefix + "constants");
        sumFisherAnchorSquared = constants[0];
        constant = constants[1];
        for (int i = 0; i < precision.size(); i++) {
            if (checkpoint.has(prefix + "precision" + i)) {
                replace(precision, i, checkpoint.tensor(prefix + "precision" + i, manager));
                replace(centre, i, checkpoint.tensor(prefix + "centre" + i, manager));
            }
        }
    }
}
