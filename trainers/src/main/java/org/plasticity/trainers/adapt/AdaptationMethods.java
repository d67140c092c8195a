package org.plasticity.trainers.adapt;

import java.util.Map;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.AdaptationMethodConfig;
import org.plasticity.trainers.config.BnAdaptation;
import org.plasticity.trainers.config.NhlAdaptation;
import org.plasticity.trainers.config.SourceAdaptation;
import org.plasticity.trainers.config.TentAdaptation;

/** The registry of adaptation methods: one factory per {@link AdaptationMethodConfig} type. */
final class AdaptationMethods {
    @FunctionalInterface
    private interface Factory {
        AdaptationMethod create(AdaptationContext context, AdaptationMethodConfig config);
    }

    private static final Map<Class<? extends AdaptationMethodConfig>, Factory> FACTORIES = Map.of(
            SourceAdaptation.class, (context, config) -> new SourceMethod(context),
            BnAdaptation.class, (context, config) -> new BnAdaptMethod(context, (BnAdaptation) config),
            TentAdaptation.class, (context, config) -> new TentMethod(context, (TentAdaptation) config),
            NhlAdaptation.class, (context, config) -> new NhlMethod(context, (NhlAdaptation) config));

    private AdaptationMethods() {
    }

    /**
     * @throws UserError when the method needs BatchNorm and the network has none
     */
    static AdaptationMethod create(AdaptationContext context, AdaptationMethodConfig config) {
        if (config.needsBatchNorm() && BatchNorms.of(context.network()).isEmpty()) {
            throw new UserError("adaptation.method.type: " + AdaptationMethodConfig.typeName(config) + " adapts "
                    + "BatchNorm, and the source's model.type=" + org.plasticity.trainers.config.ModelConfig.typeName(
                    context.config().model()) + " has none; use source, or a cnn/resnet18 source");
        }
        Factory factory = FACTORIES.get(config.getClass());
        if (factory == null) {
            throw new IllegalStateException("no adaptation method for " + config.getClass().getSimpleName());
        }
        return factory.create(context, config);
    }
}
