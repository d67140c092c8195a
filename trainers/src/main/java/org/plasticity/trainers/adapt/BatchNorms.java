package org.plasticity.trainers.adapt;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.core.layer.BatchNormLayer;
import org.plasticity.core.layer.Layer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.LayeredNetwork;
import org.plasticity.core.net.Network;

/** The BatchNorm layers of a network, residual blocks included, in forward order. */
final class BatchNorms {
    private BatchNorms() {
    }

    /** Every BatchNorm layer; empty for networks without normalisation (the MLP). */
    static List<BatchNormLayer> of(Network network) {
        List<BatchNormLayer> out = new ArrayList<>();
        if (network instanceof LayeredNetwork layered) {
            collect(layered.body(), out);
        }
        return out;
    }

    /** γ and β of every BatchNorm layer: the parameters Tent adapts. */
    static List<Param> affine(Network network) {
        List<Param> params = new ArrayList<>();
        for (BatchNormLayer bn : of(network)) {
            params.addAll(bn.parameters());
        }
        return params;
    }

    private static void collect(List<Layer> layers, List<BatchNormLayer> out) {
        for (Layer layer : layers) {
            if (layer instanceof BatchNormLayer bn) {
                out.add(bn);
            }
            collect(layer.children(), out);
        }
    }
}
