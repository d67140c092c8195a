package org.plasticity.trainers;

/**
 * The loss or a gradient became NaN or infinite. The run stops without touching its last
 * checkpoint; the launcher prints the message and exits with {@link #EXIT_CODE}.
 */
public final class DivergenceError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int EXIT_CODE = 3;

    public DivergenceError(String message) {
        super(message);
    }
}
