package org.plasticity.trainers.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of replaying a reference dump: per phase, each step's loss on both sides and, after the last step,
 * each tensor's difference, next to the reference's own noise floor when the dump has one (a twin of the reference
 * trained on the same batches from weights perturbed by float rounding).
 *
 * <p>A spiking network is chaotic under float rounding: one membrane potential on the other side of the threshold
 * flips a spike, and the flips compound step by step. So two verdicts: a quantity <em>agrees</em> when it is
 * within the tolerance — {@code |ℓ − ℓ_ref| / |ℓ_ref| ≤ lossTolerance} for every step's loss,
 * {@code ‖W − W_ref‖ / ‖W_ref‖ ≤ stateTolerance} for every tensor after the phase — and it is <em>within the noise
 * floor</em> when it is beyond the tolerance but at most {@link #FLOOR_FACTOR} times the reference twin's own
 * difference from the reference. Anything else differs.
 *
 * @param method the training method compared
 * @param variant {@code finetune} or {@code hlop}
 * @param phases the tasks compared, in order
 * @param lossTolerance the bound on {@code |ℓ − ℓ_ref| / |ℓ_ref|}
 * @param stateTolerance the bound on {@code ‖W − W_ref‖ / ‖W_ref‖}
 */
public record StepComparison(String method, String variant, List<Phase> phases, double lossTolerance,
                             double stateTolerance) {
    /** The default bound on each step's relative loss difference (float32 on both sides, different kernels). */
    public static final double LOSS_TOLERANCE = 1e-4;
    /** The default bound on each tensor's relative difference after a phase. */
    public static final double STATE_TOLERANCE = 1e-3;
    /** How many times the reference's noise floor a difference beyond the tolerance may be. */
    public static final double FLOOR_FACTOR = 3;

    /** The verdict on a quantity, a phase or the whole comparison (the worst of its parts). */
    public enum Verdict {
        AGREES, WITHIN_NOISE_FLOOR, DIFFERS;

        Verdict worst(Verdict other) {
            return compareTo(other) >= 0 ? this : other;
        }

        static Verdict of(double value, double tolerance, double floor) {
            if (value <= tolerance) {
                return AGREES;
            }
            return floor >= 0 && value <= FLOOR_FACTOR * floor ? WITHIN_NOISE_FLOOR : DIFFERS;
        }

        String text() {
            return name().replace('_', ' ');
        }
    }

    /**
     * One tensor after a phase.
     *
     * @param name its name
     * @param relative {@code ‖ours − ref‖ / ‖ref‖} (the absolute norm when the reference is zero)
     * @param maxAbs the largest element-wise difference
     * @param changed {@code ‖ref_end − ref_start‖ / ‖ref_start‖}, how far the reference moved it in the phase
     * @param floor {@code ‖twin − ref‖ / ‖ref‖}, the reference twin's difference, or −1 without a twin
     */
    public record TensorDiff(String name, double relative, double maxAbs, double changed, double floor) {
    }

    /**
     * One task's comparison.
     *
     * @param task the task
     * @param ours our loss per step
     * @param reference the reference's loss per step
     * @param twin the reference twin's loss per step, or null without a twin
     * @param tensors every compared tensor after the last step
     */
    public record Phase(int task, float[] ours, double[] reference, double[] twin, List<TensorDiff> tensors) {
        /** The largest relative loss difference over the steps. */
        public double maxLossRelative() {
            double worst = 0;
            for (int i = 0; i < ours.length; i++) {
                worst = Math.max(worst, relative(ours[i], reference[i]));
            }
            return worst;
        }

        /** The reference twin's largest relative loss difference, or −1 without a twin. */
        public double maxTwinLossRelative() {
            if (twin == null) {
                return -1;
            }
            double worst = 0;
            for (int i = 0; i < twin.length; i++) {
                worst = Math.max(worst, relative(twin[i], reference[i]));
            }
            return worst;
        }

        /** The first step whose relative loss difference exceeds {@code tolerance}, or −1. */
        public int firstLossBeyond(double tolerance) {
            return firstBeyond(ours, tolerance);
        }

        /** The twin's first step beyond {@code tolerance}, or −1 (also without a twin). */
        public int firstTwinLossBeyond(double tolerance) {
            if (twin == null) {
                return -1;
            }
            float[] t = new float[twin.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = (float) twin[i];
            }
            return firstBeyond(t, tolerance);
        }

        private int firstBeyond(float[] values, double tolerance) {
            for (int i = 0; i < values.length; i++) {
                if (!(relative(values[i], reference[i]) <= tolerance)) {
                    return i;
                }
            }
            return -1;
        }

        /** The verdict on the losses. */
        public Verdict lossVerdict(double tolerance) {
            return Verdict.of(maxLossRelative(), tolerance, maxTwinLossRelative());
        }

        /** The verdict on the phase: the worst of its losses' and its tensors'. */
        public Verdict verdict(double lossTolerance, double stateTolerance) {
            Verdict v = lossVerdict(lossTolerance);
            for (TensorDiff d : tensors) {
                v = v.worst(Verdict.of(d.relative(), stateTolerance, d.floor()));
            }
            return v;
        }

        private static double relative(double ours, double reference) {
            return Math.abs(ours - reference) / Math.max(Math.abs(reference), 1e-12);
        }
    }

    /** The verdict on the whole comparison: the worst phase's. */
    public Verdict verdict() {
        Verdict v = Verdict.AGREES;
        for (Phase p : phases) {
            v = v.worst(p.verdict(lossTolerance, stateTolerance));
        }
        return v;
    }

    /** Whether nothing differs beyond the tolerances and the noise floor. */
    public boolean agrees() {
        return verdict() != Verdict.DIFFERS;
    }

    /** A report a person reads: per phase the losses, then one line per tensor, then the verdict. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Phase p : phases) {
            int n = p.ours.length;
            int first = p.firstLossBeyond(lossTolerance);
            out.add(String.format(Locale.ROOT, "task %d, %d steps: loss step 0 %.6f / ref %.6f, step %d %.6f / ref %.6f",
                    p.task, n, p.ours[0], p.reference[0], n - 1, p.ours[n - 1], p.reference[n - 1]));
            out.add(String.format(Locale.ROOT, "  loss           max relative difference %.2e, first step beyond %s: %s%s  %s",
                    p.maxLossRelative(), fmt(lossTolerance), first < 0 ? "none" : Integer.toString(first),
                    p.twin == null ? "" : String.format(Locale.ROOT, " | reference twin %.2e, first beyond: %s",
                            p.maxTwinLossRelative(), p.firstTwinLossBeyond(lossTolerance) < 0 ? "none"
                                    : Integer.toString(p.firstTwinLossBeyond(lossTolerance))),
                    p.lossVerdict(lossTolerance).text()));
            for (TensorDiff d : p.tensors) {
                out.add(String.format(Locale.ROOT, "  %-14s relative %.2e  max |diff| %.2e  moved %.2e%s  %s",
                        d.name, d.relative, d.maxAbs, d.changed,
                        d.floor < 0 ? "" : String.format(Locale.ROOT, "  | reference twin %.2e", d.floor),
                        Verdict.of(d.relative, stateTolerance, d.floor).text()));
            }
        }
        out.add(String.format(Locale.ROOT, "STEPCHECK %s %s: %s (loss tolerance %s, state tolerance %s, noise floor ×%.0f)",
                method, variant, verdict().text(), fmt(lossTolerance), fmt(stateTolerance), FLOOR_FACTOR));
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0e", v);
    }

    /**
     * Compares two tensors.
     *
     * @param start the reference's value before the phase (for how far it moved), or null
     * @param twin the reference twin's value after the phase, or null
     */
    static TensorDiff diff(String name, float[] ours, float[] reference, float[] start, float[] twin) {
        double changed = start == null ? -1 : relative(start, reference);
        double floor = twin == null ? -1 : relative(twin, reference);
        double max = 0;
        for (int i = 0; i < reference.length; i++) {
            max = Math.max(max, Math.abs((double) ours[i] - reference[i]));
        }
        return new TensorDiff(name, relative(ours, reference), max, changed, floor);
    }

    /** {@code ‖a − ref‖ / ‖ref‖}, or the absolute norm when the reference is zero. */
    private static double relative(float[] a, float[] reference) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = (double) a[i] - reference[i];
            num += d * d;
            den += (double) reference[i] * reference[i];
        }
        return den > 0 ? Math.sqrt(num / den) : Math.sqrt(num);
    }
}
