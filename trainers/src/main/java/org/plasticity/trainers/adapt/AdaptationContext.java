package org.plasticity.trainers.adapt;

import org.plasticity.core.net.Network;
import org.plasticity.trainers.config.ExperimentConfig;

/**
 * What a method is built from.
 *
 * @param network the source network, weights loaded
 * @param head    the head that predicts the adapted task
 * @param config  the resolved adaptation config (with the source's model)
 */
record AdaptationContext(Network network, int head, ExperimentConfig config) {
}
