package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.plasticity.core.encoding.DirectEncoder;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.NeuronLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.neuron.LifNeuron;
import org.plasticity.core.neuron.Surrogates;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spiking ResNet-18 for both stems: the classifier's input is {@code [B, 8·nf]}, the logits
 * {@code [B, classes]}, and the 20 body weight layers come in the reference's list order (stem, then
 * each block's conv1, conv2 and shortcut) with the reference's shapes.
 */
class ResNet18ShapeTest extends EngineFixture {
    static NeuronFactory lif() {
        return (name, context) -> new NeuronLayer(name, new LifNeuron(2, 1, false, true,
                Surrogates.create("sigmoid", 4, context.constants()), context.constants()));
    }

    private LayeredNetwork resnet(SpikingResNet18.Stem stem, long[] input, int width) {
        SpikingResNet18.Spec spec = new SpikingResNet18.Spec(input, width, stem, List.of(5, 5), true);
        return new LayeredNetwork(new SpikingResNet18(spec, lif()), c -> new DirectEncoder(), Readout.mean(2), null,
                ErrorRoutes.BACKPROP, 2, manager, 1);
    }

    private void check(SpikingResNet18.Stem stem, long[] input, int width, long[] stemWeight) {
        try (LayeredNetwork net = resnet(stem, input, width); StepScope scope = StepScope.open()) {
            NDArray x = manager.randomUniform(0, 1, new Shape(3, input[0] * input[1] * input[2]));
            NDArray features = net.features(x, LayerObserver.NONE);
            assertEquals(new Shape(3, 8L * width), features.getShape());
            assertEquals(new Shape(3, 5), net.logits(features, 1).getShape());
            List<WeightLayer> layers = net.bodyWeightLayers();
            assertEquals(20, layers.size());
            List<String> names = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                assertEquals(i, layers.get(i).index());
                names.add(layers.get(i).name());
            }
            assertEquals(List.of("stem", "block1.conv1", "block1.conv2", "block2.conv1", "block2.conv2",
                    "block3.conv1", "block3.conv2", "block3.shortcut", "block4.conv1", "block4.conv2",
                    "block5.conv1", "block5.conv2", "block5.shortcut", "block6.conv1", "block6.conv2",
                    "block7.conv1", "block7.conv2", "block7.shortcut", "block8.conv1", "block8.conv2"), names);
            assertEquals(new Shape(stemWeight), layers.get(0).weight().value().getShape());
            assertEquals(new Shape(2L * width, width, 3, 3), layers.get(5).weight().value().getShape());
            assertEquals(new Shape(2L * width, width, 1, 1), layers.get(7).weight().value().getShape());
            assertEquals(9 * 8 * width, layers.get(19).fanIn());
            assertEquals(20, net.heads().get(0).index());
            // 1 + 8 + 1 BatchNorms, two buffers each
            assertEquals(2 * (8 * 2 + 1), net.buffers().size());
            for (Param p : net.parameters()) {
                assertTrue(p.value().getShape().size() > 0, p.name());
            }
        }
    }

    @Test
    void threeByThreeStemOn32x32() {
        check(SpikingResNet18.Stem.CONV3, new long[] {3, 32, 32}, 4, new long[] {4, 3, 3, 3});
    }

    @Test
    void fiveByFiveStrideTwoStemOn84x84() {
        check(SpikingResNet18.Stem.CONV5_STRIDE2, new long[] {3, 84, 84}, 2, new long[] {2, 3, 5, 5});
    }
}
