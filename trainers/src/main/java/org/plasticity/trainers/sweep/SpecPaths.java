package org.plasticity.trainers.sweep;

/** Spells JSON paths into a sweep spec for messages: {@code axes[0].grid["method.type"]}. */
final class SpecPaths {
    private SpecPaths() {
    }

    /** The path of {@code key} inside the object at {@code parent}; dotted keys are quoted. */
    static String key(String parent, String key) {
        boolean plain = key.matches("[A-Za-z_][A-Za-z0-9_]*");
        String child = plain ? key : "[\"" + key + "\"]";
        if (parent.isEmpty()) {
            return child;
        }
        return plain ? parent + "." + child : parent + child;
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
