package org.plasticity.trainers.continual;

/**
 * Where the batches of an epoch come from: built on the host and uploaded per batch
 * ({@link BatchAssembler}), or gathered on the device from features resident there
 * ({@link DeviceBatches}). Both give the same tensors for the same samples.
 */
interface BatchSource extends AutoCloseable {
    /**
     * Starts an epoch.
     *
     * @param sequence the own samples of every batch of the epoch, in batch order (global indices of
     *     the training set)
     */
    void startEpoch(int[] sequence);

    /**
     * The batch of samples {@code sequence[from .. from+count)} followed by {@code extras}, its tensors
     * in the current step scope.
     *
     * @param extras samples a plug-in adds to the batch (experience replay), often empty
     */
    Batch batch(int from, int count, int[] extras);

    /** Frees what the source keeps on the device. */
    @Override
    void close();
}
