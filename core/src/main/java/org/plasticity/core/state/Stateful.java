package org.plasticity.core.state;

/**
 * A component whose state goes into checkpoints: everything needed to continue exactly where it
 * stopped (parameters, optimizer moments, Hebbian subspaces, counters).
 */
public interface Stateful {
    /** Writes the state under {@code prefix} (keys are {@code prefix + name}). */
    void saveState(Checkpoint checkpoint, String prefix);

    /** Restores the state written by {@link #saveState} with the same prefix. */
    void restoreState(Checkpoint checkpoint, String prefix);
}
