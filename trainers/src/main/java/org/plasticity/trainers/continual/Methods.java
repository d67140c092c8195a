package org.plasticity.trainers.continual;

import org.plasticity.trainers.config.ExperimentConfig;
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

    /** The trainer for an experiment's {@code method} (and its {@code training.method}). */
    public static ContinualTrainer trainer(ExperimentConfig config) {
        MethodConfig method = config.method();
        List<ContinualPlugin> plugins = new ArrayList<>();
        if (method.hlop() != null) {
            plugins.add(new HlopPlugin(method.hlop(), config.training().method()));
        }
        return new ContinualTrainer(TrainingRegime.of(method.type()), plugins);
    }
}
