package org.plasticity.trainers.continual;

import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.net.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The weight layers a projection method (HLOP, GPM) protects: every weight layer of the body
 * (linear or convolutional, in the network's weight-layer order) and, with a
 * shared head, the classifier. Per-task heads are not protected, as in the reference: no later task
 * trains them.
 */
final class ProtectedLayers {
    private ProtectedLayers() {
    }

    static List<WeightLayer> of(Network network, boolean taskIncremental) {
        List<WeightLayer> layers = new ArrayList<>(network.bodyWeightLayers());
        if (!taskIncremental) {
            layers.add(network.heads().get(0));
        }
        return layers;
    }
}
