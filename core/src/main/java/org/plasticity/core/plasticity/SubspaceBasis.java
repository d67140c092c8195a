package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;

/**
 * A source of fixed basis rows that weight gradients are projected away from: HLOP's merged
 * lateral neurons, or (later) GPM's stored bases.
 */
public interface SubspaceBasis {
    /**
     * The fixed rows {@code B [K, N]} (N = the layer's input dimension, C·k·k for a conv), or null
     * when there are none. The tensor belongs to the basis and stays valid until the basis changes;
     * callers must not close it.
     */
    NDArray oldRows();

    /**
     * The quantiser applied to the coefficients {@code G·Bᵀ} before they are projected back
     * (spiking lateral neurons), or null for an exact projection.
     */
    default LateralQuantizer quantizer() {
        return null;
    }
}
