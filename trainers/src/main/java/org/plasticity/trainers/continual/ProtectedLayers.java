package org.plasticity.trainers.continual;

import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.net.SpikingMlp;

import java.util.ArrayList;
import java.util.List;

/**
 * The weight layers a projection method (HLOP, GPM) protects: every hidden layer and, with a
 * shared head, the classifier. Per-task heads are not protected, as in the reference: no later task
 * trains them.
 */
final class ProtectedLayers {
    private ProtectedLayers() {
    }

    static List<LinearLayer> of(SpikingMlp network, boolean taskIncremental) {
        List<LinearLayer> layers = new ArrayList<>(network.hiddenLayers());
        if (!taskIncremental) {
            layers.add(network.heads().get(0));
        }
        return layers;
    }
}
