package org.plasticity.core.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Gradient bookkeeping that DJL leaves to the caller: explicit zeroing and grad-mode control. */
public final class Gradients {
    private Gradients() {
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
