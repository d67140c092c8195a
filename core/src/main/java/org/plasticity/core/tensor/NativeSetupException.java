package org.plasticity.core.tensor;

/**
 * The native PyTorch setup cannot work (a missing bridge, a bridge built for another PyTorch, a
 * half-set environment). Its message is one line that says what to do; the CLI prints it and
 * exits 2.
 */
public final class NativeSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its one-line fix. */
    public NativeSetupException(String message) {
        super(message);
    }
}
