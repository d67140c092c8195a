package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.Stateful;
import org.plasticity.core.tensor.Clamp;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.StepScope;

/**
 * The lateral Hebbian neurons of one protected weight layer (hlop.md §2.1–2.5): weights
 * {@code H [M, N]} whose first {@link #oldSize()} rows belong to earlier, merged tasks and are fixed,
 * while the rows added since learn the principal subspace of what the old rows do not reconstruct
 * (Oja's subspace rule with EMA momentum). Gradients of the layer's weight are projected
 * orthogonally to the old rows.
 *
 * <p>H and its momentum are long-lived float32 tensors in a sub-manager of the manager given at
 * construction. They are replaced only when rows are added or state is restored, and are updated
 * in place otherwise, through views of the old and new rows, so memory stays flat. Every method
 * cleans up its own temporaries; it may be called inside or outside a {@link StepScope}.
 * Not thread-safe.
 */
public final class HebbianSubspace implements SubspaceBasis, Stateful, AutoCloseable {
    private final NDManager manager;
    private final Constants c;
    private final int inputDim;
    private final LateralQuantizer projectionQuantizer;
    private final GradientProjector projector;
    private NDArray h;
    private NDArray mom;
    private NDArray hOld;
    private NDArray hNew;
    private NDArray momNew;
    private int size;
    private int oldSize;

    /**
     * Creates an empty subspace (no neurons).
     *
     * @param parent long-lived manager whose device the state lives on
     * @param inputDim N, the layer's input dimension (C·k·k for a conv)
     * @param projectionQuantizer quantiser of the spiking lateral neurons applied in
     *     {@link #project}, or null; pass the same one as in the {@link HebbianSettings} of the updates
     */
    public HebbianSubspace(NDManager parent, int inputDim, LateralQuantizer projectionQuantizer) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("input dimension " + inputDim);
        }
        this.manager = parent.newSubManager();
        this.c = new Constants(manager);
        this.inputDim = inputDim;
        this.projectionQuantizer = projectionQuantizer;
        this.projector = new GradientProjector(this, c);
        try (StepScope scope = StepScope.open()) {
            install(manager.zeros(new Shape(0, inputDim)), manager.zeros(new Shape(0, inputDim)), 0);
        }
    }

    /** An empty subspace of non-spiking lateral neurons. */
    public HebbianSubspace(NDManager parent, int inputDim) {
        this(parent, inputDim, null);
    }

    /** M, the number of lateral neurons. */
    public int size() {
        return size;
    }

    /** The number of leading rows that belong to merged earlier tasks and are fixed. */
    public int oldSize() {
        return oldSize;
    }

    /** N, the layer's input dimension. */
    public int inputDim() {
        return inputDim;
    }

    /**
     * Appends {@code k} neurons initialised like {@code torch.nn.init.orthogonal_} on a fresh
     * {@code k × N} block (see {@link Orthogonal}); the block is not orthogonalised against the
     * existing rows. Their momentum starts at 0; existing rows are kept. Does nothing if
     * {@code k ≤ 0}.
     *
     * @param k number of neurons to add
     * @param seed seed of the block's Gaussian draw
     */
    public void addNeurons(int k, long seed) {
        if (k <= 0) {
            return;
        }
        double[] values = Orthogonal.sample(k, inputDim, seed);
        float[] block = new float[values.length];
        for (int i = 0; i < block.length; i++) {
            block[i] = (float) values[i];
        }
        try (StepScope scope = StepScope.open()) {
            Shape shape = new Shape(k, inputDim);
            NDArray newH = NDArrays.concat(new NDList(h, manager.create(block, shape)), 0);
            NDArray newMom = NDArrays.concat(new NDList(mom, manager.zeros(shape)), 0);
            install(newH, newMom, oldSize);
        }
    }

    /** Makes every current row old and fixed (the end of a task: {@code merge_subspace}). */
    public void merge() {
        install(h, mom, size);
    }

    /**
     * Runs {@code s.iterations()} Hebbian iterations on the same rows {@code x}. Each one computes
     * {@code Y = x·Hᵀ} (quantised if {@code s.quantizer()} is set), {@code X̂ = Y·H} and
     * {@code Δ = clamp(Yᵀ·(x − X̂)/R, ±clamp)} with all rows, then updates only the rows that are
     * not old: {@code Mom ← m·Mom + (1 − m)·Δ; H ← H + lr·Mom}. Returns at once when every row is old.
     * The iterations run in whichever of three exact forms ({@link UpdateForm}) costs the fewest multiply-adds.
     *
     * @param x presynaptic activity {@code [R, N]}, one row per sample (or patch or step); not recorded
     * @param s hyper-parameters
     */
    public void update(NDArray x, HebbianSettings s) {
        update(x, null, s);
    }

    /**
     * {@link #update(NDArray, HebbianSettings)} given the rows' residual {@code x − (x·H_oldᵀ)·H_old} where it is
     * already formed: the layer's input rows projected for its weight gradient
     * ({@link GradientProjector#projectRows}, the same operations in the same order, so the update is the same bit
     * for bit). It is used when the form the iterations run in starts from that residual.
     *
     * @param residual {@code projector().projectRows(x)} for these rows and the current old rows, or null
     */
    public void update(NDArray x, NDArray residual, HebbianSettings s) {
        if (size == oldSize) {
            return;
        }
        Shape shape = x.getShape();
        if (shape.dimension() != 2 || shape.get(1) != inputDim) {
            throw new IllegalArgumentException("Hebbian input " + shape + " for input dimension " + inputDim);
        }
        UpdateForm form = UpdateForm.cheapest(shape.get(0), inputDim, oldSize, size - oldSize, s);
        if (form == UpdateForm.RESIDUAL_INPUTS && s.quantizer() == null) {
            updateRemovingOldFromInputs(x, residual, s);
        } else {
            update(x, s, form);
        }
    }

    /**
     * Three exact forms of the same iterations, chosen by cost for R rows of N dimensions, M old and k new rows and
     * I iterations. The cost counts multiply-adds plus {@value #PASS_COST} per element for each pass over the old rows
     * {@code [M, N]}: with few new rows the products with them are thin and bound by reading H_old, not by arithmetic
     * (calibrated on the 2-core CPU, docs/PERFORMANCE.md; a reconstructed constant, not a measured law).
     */
    enum UpdateForm {
        /** The old rows' reconstruction removed from the inputs once: {@code 2·R·N·M + I·3·R·N·k}, two passes. */
        RESIDUAL_INPUTS,
        /**
         * The old rows' reconstruction removed from each update ({@link #updateRemovingOldFromUpdates}):
         * {@code I·(2·k·R·N + 2·k·N·M)}, two passes per iteration.
         */
        RESIDUAL_UPDATES,
        /** Through the second moment {@code xᵀx} ({@link #updateFromSecondMoment}). */
        SECOND_MOMENT;

        static final int PASS_COST = 32;

        static UpdateForm cheapest(long r, long n, long m, long k, HebbianSettings s) {
            if (s.quantizer() != null) {
                return RESIDUAL_INPUTS; // a quantised Y is not linear in the inputs
            }
            if (r > n) {
                return SECOND_MOMENT;
            }
            long it = s.iterations();
            double pass = (double) PASS_COST * m * n;
            double onInputs = 2.0 * r * n * m + it * 3.0 * r * n * k + 2 * pass;
            double onUpdates = it * (2.0 * k * r * n + 2.0 * k * n * m + (double) k * k * (r + n) + 2 * pass);
            return m > 0 && onUpdates < onInputs ? RESIDUAL_UPDATES : RESIDUAL_INPUTS;
        }
    }

    /**
     * The end of one iteration on the new rows, from the raw update {@code U = Yᵀ·(x − X̂)} over R rows:
     * {@code Δ = clamp(U/R, ±clamp); Mom ← m·Mom + (1 − m)·Δ; H ← H + lr·Mom}. Its constants, the clamp's bounds
     * included, are kept 0-d tensors ({@link Clamp}).
     */
    private final class MomentumStep {
        private final NDArray rows;
        private final NDArray decay;
        private final NDArray gain;
        private final NDArray lr;
        private final NDArray upper;
        private final NDArray lower;
        /** {@code H_newᵀ}: a view, so it follows the in-place updates of H_new. */
        final NDArray hNewT;

        MomentumStep(long r, HebbianSettings s) {
            rows = c.of(r);
            decay = c.of(s.momentum());
            gain = c.of(1 - s.momentum());
            lr = c.of(s.lr());
            upper = c.of(s.clamp());
            lower = c.of(-s.clamp());
            hNewT = hNew.transpose();
        }

        void apply(NDArray raw) {
            NDArray delta = Clamp.between(raw.div(rows), lower, upper);
            momNew.muli(decay).addi(delta.muli(gain));
            hNew.addi(momNew.mul(lr));
        }
    }

    /** {@link #update(NDArray, HebbianSettings)} in a given form (for tests: every form gives the same update). */
    void update(NDArray x, HebbianSettings s, UpdateForm form) {
        switch (form) {
            case SECOND_MOMENT -> updateFromSecondMoment(x, s);
            case RESIDUAL_UPDATES -> updateRemovingOldFromUpdates(x, s);
            case RESIDUAL_INPUTS -> updateRemovingOldFromInputs(x, null, s);
        }
    }

    /** @param known the residual {@code x − (x·H_oldᵀ)·H_old} when already formed (unquantised), or null */
    private void updateRemovingOldFromInputs(NDArray x, NDArray known, HebbianSettings s) {
        try (StepScope scope = StepScope.open()) {
            MomentumStep step = new MomentumStep(x.getShape().get(0), s);
            // The old rows are fixed, so their outputs and reconstruction are the same in every
            // iteration: computed once, only the new rows' part is recomputed (an exact identity).
            NDArray residual = x;
            if (known != null && oldSize > 0) {
                residual = known;
            } else if (oldSize > 0) {
                NDArray yOld = x.matMul(hOld.transpose());
                if (s.quantizer() != null) {
                    yOld = s.quantizer().apply(yOld, c);
                }
                residual = x.sub(yOld.matMul(hOld));
            }
            for (int it = 0; it < s.iterations(); it++) {
                NDArray yNew = x.matMul(step.hNewT);
                if (s.quantizer() != null) {
                    yNew = s.quantizer().apply(yNew, c);
                }
                NDArray error = residual.sub(yNew.matMul(hNew));
                // Δ of the old rows is never formed: it would be zeroed anyway
                step.apply(yNew.transpose().matMul(error));
            }
        }
    }

    /**
     * The same iterations (unquantised) with the old rows' reconstruction taken out of each update instead of the
     * inputs: with {@code Y = x·H_newᵀ} and {@code A = Yᵀ·x},
     * {@code Yᵀ·(x − x·H_oldᵀ·H_old − Y·H_new) = A − (A·H_oldᵀ)·H_old − (Yᵀ·Y)·H_new}, an exact identity that costs
     * {@code O(k·N·(R + M))} per iteration instead of {@code O(R·N·M)} once plus {@code O(R·N·k)} per iteration:
     * cheaper when few new rows learn against a large old subspace (later tasks), or from many rows (BPTT's T·B).
     */
    private void updateRemovingOldFromUpdates(NDArray x, HebbianSettings s) {
        try (StepScope scope = StepScope.open()) {
            MomentumStep step = new MomentumStep(x.getShape().get(0), s);
            NDArray oldT = hOld.transpose();
            for (int it = 0; it < s.iterations(); it++) {
                NDArray yT = x.matMul(step.hNewT).transpose();
                NDArray a = yT.matMul(x);
                step.apply(a.sub(a.matMul(oldT).matMul(hOld)).sub(yT.matMul(yT.transpose()).matMul(hNew)));
            }
        }
    }

    /**
     * The same iterations when there are more rows than dimensions (a convolution's patches: B·L rows)
     * and the lateral neurons are not spiking. The update then depends on the rows only through
     * {@code C = xᵀ·x}: {@code Yᵀ·(x − X̂) = H_new·C·(I − H_oldᵀH_old) − (H_new·C·H_newᵀ)·H_new}, an exact
     * identity that costs {@code O(k·N²)} per iteration instead of {@code O(R·N·k)}.
     */
    private void updateFromSecondMoment(NDArray x, HebbianSettings s) {
        try (StepScope scope = StepScope.open()) {
            MomentumStep step = new MomentumStep(x.getShape().get(0), s);
            NDArray moment = x.transpose().matMul(x);
            NDArray residual = oldSize > 0 ? moment.sub(moment.matMul(hOld.transpose()).matMul(hOld)) : moment;
            for (int it = 0; it < s.iterations(); it++) {
                NDArray reconstruction = hNew.matMul(moment).matMul(step.hNewT).matMul(hNew);
                step.apply(hNew.matMul(residual).sub(reconstruction));
            }
        }
    }

    /**
     * Projects a weight gradient orthogonally to the old rows, in place (see
     * {@link GradientProjector#project}); a no-op while there are no old rows.
     *
     * @param gradient {@code [out, N]} or {@code [out, C, k, k]}; may share storage with the real gradient
     * @param measure whether to return the removed fraction {@code ‖G − G'‖/‖G‖} (a device sync)
     * @return the removed fraction, or NaN when not measured
     */
    public double project(NDArray gradient, boolean measure) {
        return projector.project(gradient, measure);
    }

    /**
     * Projects as {@link #project(NDArray, boolean)} and adds the removed fraction to {@code removedSum}
     * on the device, with no device→host copy ({@link GradientProjector#project(NDArray, NDArray)}).
     *
     * @param removedSum a kept 0-d float64 accumulator
     */
    public void project(NDArray gradient, NDArray removedSum) {
        projector.project(gradient, removedSum);
    }

    /** The old, fixed rows {@code [oldSize, N]} (a view of H owned by this subspace), or null when there are none. */
    @Override
    public NDArray oldRows() {
        return hOld;
    }

    /** The projector of this subspace's old rows (with its quantiser), shared by {@link #project}. */
    public GradientProjector projector() {
        return projector;
    }

    /** The quantiser used by {@link #project}, or null. */
    @Override
    public LateralQuantizer quantizer() {
        return projectionQuantizer;
    }

    /** H {@code [M, N]}, owned by this subspace (for checkpoints and tests; do not close or modify). */
    public NDArray weights() {
        return h;
    }

    /** The momentum {@code [M, N]}, owned by this subspace (for checkpoints and tests; do not close or modify). */
    public NDArray momentum() {
        return mom;
    }

    /** Saves H, the momentum and the number of old rows. */
    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        checkpoint.putLongs(prefix + "old", oldSize);
        if (size > 0) {
            checkpoint.putTensor(prefix + "h", h);
            checkpoint.putTensor(prefix + "mom", mom);
        }
    }

    /** Restores what {@link #saveState} wrote. */
    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        if (!checkpoint.has(prefix + "h")) {
            return;
        }
        try (ai.djl.ndarray.NDManager scratch = manager.newSubManager()) {
            restore(checkpoint.tensor(prefix + "h", scratch), checkpoint.tensor(prefix + "mom", scratch),
                    (int) checkpoint.longValue(prefix + "old"));
        }
    }

    /**
     * Replaces the state with copies of saved tensors (a checkpoint).
     *
     * @param weights H {@code [M, N]}
     * @param momentum Mom {@code [M, N]}
     * @param old number of leading old rows, {@code 0 ≤ old ≤ M}
     */
    public void restore(NDArray weights, NDArray momentum, int old) {
        Shape shape = weights.getShape();
        if (shape.dimension() != 2 || shape.get(1) != inputDim || !shape.equals(momentum.getShape())
                || old < 0 || old > shape.get(0)) {
            throw new IllegalArgumentException("cannot restore H " + shape + ", Mom " + momentum.getShape()
                    + ", old rows " + old + " for input dimension " + inputDim);
        }
        try (StepScope scope = StepScope.open()) {
            install(copyIn(weights), copyIn(momentum), old);
        }
    }

    /**
     * A copy that owns its storage. On the same device and type the engine's {@code toDevice(…, true)} hands back a
     * tensor sharing the source's storage, which for a tensor made from a Java buffer is freed with that buffer.
     */
    private NDArray copyIn(NDArray a) {
        NDArray moved = a.toDevice(manager.getDevice(), false).toType(DataType.FLOAT32, false);
        return moved == a ? a.duplicate() : moved;
    }

    /**
     * Makes {@code newH}/{@code newMom} the state with {@code old} fixed rows: keeps them in this
     * subspace's manager, closes the replaced tensors and rebuilds the row views.
     */
    private void install(NDArray newH, NDArray newMom, int old) {
        closeViews();
        if (newH != h) {
            keepHere(newH);
            keepHere(newMom);
            if (h != null) {
                h.close();
                mom.close();
            }
            h = newH;
            mom = newMom;
        }
        size = (int) h.getShape().get(0);
        oldSize = old;
        if (oldSize > 0) {
            hOld = keepHere(h.get(new NDIndex(":{}", oldSize)));
        }
        if (oldSize < size) {
            NDIndex rest = new NDIndex("{}:", oldSize);
            hNew = keepHere(h.get(rest));
            momNew = keepHere(mom.get(rest));
        }
    }

    private NDArray keepHere(NDArray a) {
        StepScope.keep(a);
        a.attach(manager);
        return a;
    }

    private void closeViews() {
        for (NDArray view : new NDArray[] {hOld, hNew, momNew}) {
            if (view != null) {
                view.close();
            }
        }
        hOld = null;
        hNew = null;
        momNew = null;
    }

    /** Frees H, the momentum and everything else this subspace holds. */
    @Override
    public void close() {
        closeViews();
        c.close();
        manager.close();
    }
}
