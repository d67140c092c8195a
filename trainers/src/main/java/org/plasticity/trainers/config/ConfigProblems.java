package org.plasticity.trainers.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects config problems, each at a JSON path. An instance is positioned at one node; {@link #at(String)} and
 * {@link #at(int)} give views positioned at a child that report into the same list. The checks report at this node's
 * own path, so a record checks a field with {@code problems.at("tau").positive(tau)}.
 */
public final class ConfigProblems {

    private final String path;
    private final List<ConfigProblem> sink;

    private ConfigProblems(String path, List<ConfigProblem> sink) {
        this.path = path;
        this.sink = sink;
    }

    /**
     * Starts an empty collection positioned at the document root.
     *
     * @return a new, empty collection
     */
    public static ConfigProblems root() {
        return new ConfigProblems("", new ArrayList<>());
    }

    /**
     * Positions at an object key below this node.
     *
     * @param key the key
     * @return a view reporting into the same collection
     */
    public ConfigProblems at(String key) {
        return new ConfigProblems(child(path, key), sink);
    }

    /**
     * Positions at an array element below this node.
     *
     * @param index the element's index
     * @return a view reporting into the same collection
     */
    public ConfigProblems at(int index) {
        return new ConfigProblems(element(path, index), sink);
    }

    /**
     * Returns the dotted path of this node.
     *
     * @return the path, such as {@code model.hidden[1]}; empty at the root
     */
    public String path() {
        return path;
    }

    /**
     * Reports a problem at this node.
     *
     * @param message what was expected, such as {@code expected a number > 0, got -1}
     */
    public void report(String message) {
        sink.add(new ConfigProblem(path, message));
    }

    /**
     * Reports unless {@code value >= min}.
     *
     * @param value the integer found
     * @param min   the smallest allowed value
     */
    public void atLeast(long value, long min) {
        if (value < min) {
            report("expected an integer >= " + min + ", got " + value);
        }
    }

    /**
     * Reports unless {@code value > 0}.
     *
     * @param value the number found
     */
    public void positive(double value) {
        if (!(value > 0)) {
            report("expected a number > 0, got " + format(value));
        }
    }

    /**
     * Reports unless {@code value >= 0}.
     *
     * @param value the number found
     */
    public void nonNegative(double value) {
        if (!(value >= 0)) {
            report("expected a number >= 0, got " + format(value));
        }
    }

    /**
     * Reports unless {@code value} lies in the interval, written in the message in interval notation such as
     * {@code [0, 1)}.
     *
     * @param value        the number found
     * @param min          lower bound
     * @param minInclusive whether {@code min} itself is allowed
     * @param max          upper bound
     * @param maxInclusive whether {@code max} itself is allowed
     */
    public void inRange(double value, double min, boolean minInclusive, double max, boolean maxInclusive) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        if (!(aboveMin && belowMax)) {
            report("expected a number in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max)
                    + (maxInclusive ? "]" : ")") + ", got " + format(value));
        }
    }

    /**
     * Reports unless {@code value} is one of {@code allowed}, suggesting the closest allowed value.
     *
     * @param value   the string found
     * @param allowed the allowed values, in the order to list them
     */
    public void oneOf(String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            report("expected one of " + String.join(", ", allowed) + ", got \"" + value + "\""
                    + Suggestions.didYouMean(value, allowed));
        }
    }

    /**
     * Returns everything reported so far, through any view of this collection.
     *
     * @return the problems in the order reported
     */
    public List<ConfigProblem> all() {
        return List.copyOf(sink);
    }

    /**
     * Tells whether nothing has been reported.
     *
     * @return true when there are no problems
     */
    public boolean isEmpty() {
        return sink.isEmpty();
    }

    /** The path of key {@code key} below {@code parent}. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of element {@code index} below {@code parent}. */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Writes whole numbers without a fraction, so bounds read {@code >= 0} rather than {@code >= 0.0}. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
