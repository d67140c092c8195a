package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plasticity.core.layer.Conv2dLayer;
import org.plasticity.core.layer.Mode;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.net.LayeredNetwork;
import org.plasticity.core.net.ModulatedArchitecture;
import org.plasticity.core.net.Network;
import org.plasticity.core.plasticity.SoftHebbianRule;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.NhlAdaptation;

/**
 * NHL, reconstructed (tta-nhl.md §1.4): per test batch,
 * <ol>
 *   <li>a soft-Hebbian step on the first convolution from the batch itself ({@link SoftHebbianRule}; no gradients);</li>
 *   <li>entropy-minimisation steps on the neuro-modulator only, through the frozen upper layers and the locked
 *       classifier ({@link EntropyStep});</li>
 *   <li>the prediction from a forward pass of the adapted model (or from step 2's pre-update forward).</li>
 * </ol>
 * On a spiking network the input is direct-coded, so the first convolution sees the same image at every step and the
 * Hebbian step runs once per batch on it (§6.1); the modulator acts on the first neurons' input current and the
 * entropy is that of the time-averaged logits, with surrogate gradients through all T steps (§6.2–6.3). Membrane
 * state starts from rest in every forward pass.
 */
final class NhlMethod implements AdaptationMethod {
    private final Network network;
    private final int head;
    private final NhlAdaptation config;
    private final Conv2dLayer conv;
    private final SoftHebbianRule rule;
    private final EntropyStep step;

    NhlMethod(AdaptationContext context, NhlAdaptation config) {
        this.network = context.network();
        this.head = context.head();
        this.config = config;
        List<WeightLayer> weights = network.bodyWeightLayers();
        if (weights.isEmpty() || !(weights.get(0) instanceof Conv2dLayer first) || !(network instanceof LayeredNetwork)) {
            throw new UserError("adaptation.method.type: nhl adapts the first convolution, and the source network "
                    + "has none");
        }
        this.conv = first;
        this.rule = new SoftHebbianRule(config.temperature(), config.hebbianRate(), config.antiHebbian(),
                config.keepNorms());
        List<Param> modulated = new ArrayList<>();
        for (Param p : network.parameters()) {
            if (p.name().startsWith(ModulatedArchitecture.NAME + ".")) {
                modulated.add(p);
            }
        }
        if (config.modulator().equals("channel-affine+bn")) {
            modulated.addAll(BatchNorms.affine(network));
        }
        network.setMode(config.batchStatistics() ? Mode.ADAPT : Mode.EVAL);
        this.step = new EntropyStep(network, head, modulated, config.optimizer());
    }

    @Override
    public NDArray adapt(NDArray x) {
        if (config.hebbianRate() > 0) {
            rule.step(conv, image(x), network.constants());
        }
        NDArray scored = step.step(x);
        for (int s = 1; s < config.steps(); s++) {
            step.step(x);
        }
        if (!config.predictAfter()) {
            return scored;
        }
        return AdaptationMethod.predict(network, head, x);
    }

    /** The batch as the first convolution sees it under direct coding, {@code [B, C, H, W]}. */
    private NDArray image(NDArray x) {
        long[] shape = ((LayeredNetwork) network).inputShape();
        return x.reshape(new Shape(x.getShape().get(0), shape[0], shape[1], shape[2]));
    }

    @Override
    public void reset() {
        step.reset();
    }

    /** conv1's mean filter norm, which the Hebbian rule moves towards 1 unless norms are kept. */
    @Override
    public Map<String, Double> diagnostics() {
        try (Gradients.AutoCloseableMode ignored = Gradients.notRecording();
             NDArray norms = conv.weight().value().reshape(conv.outputs(), conv.fanIn()).norm(new int[] {1})) {
            try (NDArray mean = norms.mean()) {
                return Map.of("conv1FilterNorm", (double) mean.getFloat());
            }
        }
    }

    @Override
    public void close() {
        step.close();
    }
}
