package org.plasticity.trainers.continual;

import org.plasticity.core.layer.Mode;
import org.plasticity.core.net.Network;

/** Scoped switches of a network's {@link Mode}: the mode in force before is restored on close. */
final class NetworkModes {
    private NetworkModes() {
    }

    /** A mode scope whose close cannot fail. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Evaluation mode until the scope closes. */
    static Scope eval(Network network) {
        return of(network, Mode.EVAL);
    }

    /** {@code mode} until the scope closes. */
    static Scope of(Network network, Mode mode) {
        Mode before = network.mode();
        network.setMode(mode);
        return () -> network.setMode(before);
    }
}
