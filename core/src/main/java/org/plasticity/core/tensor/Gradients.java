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
     * Turns autograd recording off for the calling thread. Grad mode is thread-local and DJL turns
     * it off only on the thread that started the engine (djl.md §6).
     */
    public static void disableRecording() {
        JniUtils.setGradMode(false);
    }
}
