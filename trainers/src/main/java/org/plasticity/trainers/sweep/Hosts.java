package org.plasticity.trainers.sweep;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, as status files record it. */
final class Hosts {
    private Hosts() {
    }

    static String name() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
