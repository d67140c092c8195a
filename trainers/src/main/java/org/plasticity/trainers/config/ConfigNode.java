package org.plasticity.trainers.config;

/** A part of an experiment config that can check its own values. */
public interface ConfigNode {

    /**
     * Reports every invalid value of this node and of the nodes below it.
     *
     * @param problems where to report, positioned at this node's path
     */
    void validate(ConfigProblems problems);
}
