package org.plasticity.trainers.continual;

import org.plasticity.trainers.config.MethodConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the continual trainer a config's {@code method} section describes: the training regime
 * ({@code finetune} or {@code multitask}) plus the plug-ins whose sections are present.
 */
public final class Methods {
    private Methods() {
    }

    /** The trainer for a method config. */
    public static ContinualTrainer trainer(MethodConfig method) {
        List<ContinualPlugin> plugins = new ArrayList<>();
        return new ContinualTrainer(TrainingRegime.of(method.type()), plugins);
    }
}
