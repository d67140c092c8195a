package org.plasticity.core.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Gradient bookkeeping that DJL leaves to the caller: explicit zeroing and grad-mode control. */
public final class Gradients {
    private Gradients() {
    }

    /**
     * Adds {@code value} to the accumulated gradient of a leaf tensor, in place, as a backward pass adds its part.
     * A leaf that no backward pass has reached yet has no gradient tensor, and DJL's {@code getGradient()} then hands
     * back a detached zero tensor that edits would not reach; such a gradient is defined by a backward pass of
     * {@code Σ leaf∘sg(value)}, whose gradient is {@code value} exactly.
     *
     * @param leaf a tensor that records gradients
     * @param value the addition, of the leaf's shape (not recorded)
     */
    public static void accumulate(NDArray leaf, NDArray value) {
        PtNDArray gradient = JniUtils.getGradient((PtNDArray) leaf);
        if (gradient != null) {
            gradient.addi(value);
            gradient.close();
            return;
        }
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDArray constant = value.stopGradient(); NDArray product = leaf.mul(constant);
             NDArray term = product.sum(); NDArray seed = term.onesLike()) {
            JniUtils.backward((PtNDArray) term, (PtNDArray) seed, false, false);
        } finally {
            JniUtils.setGradMode(before);
        }
    }

    /** Sets the gradient of a leaf tensor to zero in place (gradients accumulate otherwise). */
    public static void zero(NDArray leaf) {
        if (leaf.hasGradient()) {
            JniUtils.zeroGrad((PtNDArray) leaf);
        }
    }

    /**
     * Turns autograd recording off for the calling thread until the returned scope closes, which
     * restores the mode that was in force: {@code try (var g = Gradients.notRecording()) { … }}.
     */
    public static AutoCloseableMode notRecording() {
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return () -> JniUtils.setGradMode(before);
    }

    /**
     * Whether autograd records on the calling thread: false inside {@link #notRecording()} (evaluation), where
     * a forward pass may leave out the terms that only carry gradients.
     */
    public static boolean recording() {
        return JniUtils.isGradMode();
    }

    /** A grad-mode scope whose close cannot fail. */
    @FunctionalInterface
    public interface AutoCloseableMode extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Turns autograd recording off for the calling thread. Grad mode is thread-local and DJL turns
     * it off only on the thread that started the engine (djl.md §6).
     */
    public static void disableRecording() {
        JniUtils.setGradMode(false);
    }
}
