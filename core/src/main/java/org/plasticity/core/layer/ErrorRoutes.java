package org.plasticity.core.layer;

import ai.djl.ndarray.NDManager;
import org.plasticity.core.tensor.Constants;

import java.util.SplittableRandom;

/** Chooses the error route of each weight layer of a network. */
@FunctionalInterface
public interface ErrorRoutes {
    /** Exact backpropagation everywhere. */
    ErrorRoutes BACKPROP = (layer, manager, c, random) -> ErrorRoute.backprop();

    /** The route of {@code layer}; feedback matrices live in {@code manager}. */
    ErrorRoute create(WeightLayer layer, NDManager manager, Constants c, SplittableRandom random);

    /** The kinds of error route, by config name. */
    enum Kind {
        BACKPROP("backprop"),
        FEEDBACK_ALIGNMENT("feedback-alignment"),
        SIGN_SYMMETRIC("sign-symmetric");

        private final String configName;

        Kind(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        /** The kind with this config name. */
        public static Kind named(String name) {
            for (Kind k : values()) {
                if (k.configName.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown error route '" + name
                    + "' (known: backprop, feedback-alignment, sign-symmetric)");
        }

        /** The same kind of route for every layer. */
        public ErrorRoutes routes() {
            return switch (this) {
                case BACKPROP -> ErrorRoutes.BACKPROP;
                case FEEDBACK_ALIGNMENT -> (layer, manager, c, random) -> ErrorRoute.feedbackAlignment(
                        layer.weight().value().getShape(), layer.fanIn(), manager, random);
                case SIGN_SYMMETRIC -> (layer, manager, c, random) ->
                        ErrorRoute.signSymmetricScaled(layer.signSymmetricScale(), c);
            };
        }
    }

    /** The same kind of route for every layer, by config name. */
    static ErrorRoutes named(String name) {
        return Kind.named(name).routes();
    }
}
