package org.plasticity.trainers;

/**
 * A mistake the user can fix (a device that is not there, an output directory that cannot be
 * written, a run directory that holds another run). The launcher prints its one-line message
 * without a stack trace and exits with code 2.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
