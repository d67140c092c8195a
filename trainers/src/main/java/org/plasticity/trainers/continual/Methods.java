package org.plasticity.trainers.continual;

import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.MethodConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the continual trainer a config's {@code method} section describes: the training regime
 * ({@code finetune} or {@code multitask}) plus a plug-in per section present. Hook order matters
 * at a task's end: the projection methods (HLOP, GPM) take their subspaces from the task's
 * training first, memory replay then fine-tunes on the memories, and EWC anchors at the final
 * parameters, after replay. HAT stands alone (the config refuses it with any other section).
 */
public final class Methods {
    private Methods() {
    }

    /** The trainer for an experiment's {@code method} (and its {@code training.method}). */
    public static ContinualTrainer trainer(ExperimentConfig config) {
        MethodConfig method = config.method();
        String training = config.training().method();
        List<ContinualPlugin> plugins = new ArrayList<>();
        if (method.hlop() != null) {
            plugins.add(new HlopPlugin(method.hlop(), training));
        }
        if (method.gpm() != null) {
            plugins.add(new GpmPlugin(method.gpm(), training));
        }
        if (method.experienceReplay() != null) {
            plugins.add(new ExperienceReplayPlugin(method.experienceReplay()));
        }
        if (method.memoryReplay() != null) {
            plugins.add(new MemoryReplayPlugin(method.memoryReplay()));
        }
        if (method.ewc() != null) {
            plugins.add(new EwcPlugin(method.ewc()));
        }
        if (method.hat() != null) {
            plugins.add(new HatPlugin(method.hat()));
        }
        return new ContinualTrainer(TrainingRegime.of(method.type()), plugins);
    }
}
