package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures, per protected layer, the mean fraction of gradient norm a projection removes over a
 * task: every {@value #EVERY} steps ({@link #tick()}, before the forward pass) the projections of the
 * step add their removed fractions to the layers' kept 0-d float64 sums on the device
 * ({@code GradientProjector.project(gradient, sum)}) and count one measurement per projection
 * ({@link #recorded()}; OTTT with per-timestep updates projects T times a step), so measuring
 * needs no device→host copy; the sums are read once per task ({@link #means()}) and at checkpoints.
 */
final class ProjectionMeter {
    static final int EVERY = 20;

    private NDManager manager;
    private NDArray[] removedSum = new NDArray[0];
    private long measured;
    private long stepsSince;

    /** Once, before the first task: the sums live on this manager's device. */
    void start(NDManager parent) {
        manager = parent.newSubManager();
    }

    /** At the start of a task: zero sums for {@code layers} layers. */
    void reset(int layers) {
        restore(new double[layers], new long[] {0, EVERY});
    }

    /** Whether this step measures; call once per step, before its forward pass. */
    boolean tick() {
        if (++stepsSince >= EVERY) {
            stepsSince = 0;
            return true;
        }
        return false;
    }

    /** Counts one measurement: a measuring step's projections have added to the sums. */
    void recorded() {
        measured++;
    }

    /** The device sum of layer {@code layer}'s measured fractions, for the projection to add to. */
    NDArray sum(int layer) {
        return removedSum[layer];
    }

    /** Mean removed fraction per layer (0 where nothing was measured); reads the sums. */
    List<Double> means() {
        List<Double> out = new ArrayList<>();
        for (double sum : sums()) {
            out.add(measured == 0 ? 0.0 : sum / measured);
        }
        return out;
    }

    /** The sums, read from the device. */
    double[] sums() {
        double[] out = new double[removedSum.length];
        for (int l = 0; l < out.length; l++) {
            out[l] = removedSum[l].getDouble();
        }
        return out;
    }

    long[] counters() {
        return new long[] {measured, stepsSince};
    }

    void restore(double[] sums, long[] counters) {
        for (NDArray old : removedSum) {
            old.close();
        }
        removedSum = new NDArray[sums.length];
        for (int l = 0; l < sums.length; l++) {
            removedSum[l] = StepScope.keep(manager.create(new double[] {sums[l]}, new Shape()));
        }
        measured = counters[0];
        stepsSince = counters[1];
    }
}
