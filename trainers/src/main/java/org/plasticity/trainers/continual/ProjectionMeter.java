package org.plasticity.trainers.continual;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures, per protected layer, the mean fraction of gradient norm a projection removes over a
 * task. Measuring costs a device sync, so it runs every {@value #EVERY} steps only.
 */
final class ProjectionMeter {
    static final int EVERY = 20;

    private double[] removedSum;
    private long measured;
    private long stepsSince;

    ProjectionMeter(int layers) {
        reset(layers);
    }

    /** At the start of a task. */
    void reset(int layers) {
        removedSum = new double[layers];
        measured = 0;
        stepsSince = EVERY;
    }

    /** Whether this step measures; call once per step. */
    boolean tick() {
        if (++stepsSince >= EVERY) {
            stepsSince = 0;
            measured++;
            return true;
        }
        return false;
    }

    /** Records a measured fraction for a layer. */
    void add(int layer, double removed) {
        removedSum[layer] += removed;
    }

    /** Mean removed fraction per layer (0 where nothing was measured). */
    List<Double> means() {
        List<Double> out = new ArrayList<>();
        for (double sum : removedSum) {
            out.add(measured == 0 ? 0.0 : sum / measured);
        }
        return out;
    }

    double[] sums() {
        return removedSum.clone();
    }

    long[] counters() {
        return new long[] {measured, stepsSince};
    }

    void restore(double[] sums, long[] counters) {
        removedSum = sums.clone();
        measured = counters[0];
        stepsSince = counters[1];
    }
}
