package org.plasticity.core.net;

import ai.djl.ndarray.NDManager;
import org.plasticity.core.tensor.Constants;

import java.util.SplittableRandom;

/** Chooses the error route of each weight layer of a network. */
@FunctionalInterface
public interface ErrorRoutes {
    /** Exact backpropagation everywhere. */
    ErrorRoutes BACKPROP = (layer, manager, c, random) -> ErrorRoute.backprop();

    /** The route of {@code layer}; feedback matrices live in {@code manager}. */
    ErrorRoute create(LinearLayer layer, NDManager manager, Constants c, SplittableRandom random);

    /** The same kind of route for every layer, by config name. */
    static ErrorRoutes named(String name) {
        return switch (name) {
            case "backprop" -> BACKPROP;
            case "feedback-alignment" -> (layer, manager, c, random) ->
                    ErrorRoute.feedbackAlignment(layer.inFeatures(), layer.outFeatures(), manager, random);
            case "sign-symmetric" -> (layer, manager, c, random) -> ErrorRoute.signSymmetric(layer.inFeatures(), c);
            default -> throw new IllegalArgumentException("unknown error route '" + name
                    + "' (known: backprop, feedback-alignment, sign-symmetric)");
        };
    }
}
