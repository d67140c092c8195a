package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * Elastic weight consolidation (EWC): after each task, the diagonal Fisher information F of every trainable parameter
 * is estimated, and later tasks add {@code λ/2 · Σ F·(θ − θ*)²} to the loss, θ* being the parameters at the end of
 * the task.
 *
 * @param lambda  penalty strength λ, &gt;= 0; default 25.0 (stable with SGD at lr 0.1 over 10 permuted-MNIST tasks, see docs/BASELINES.md)
 * @param fisher  {@code empirical} (gradients of the true label's log-likelihood) or {@code true} (of a label drawn
 *                from the model's own prediction); default {@code empirical}
 * @param samples training samples of the task the Fisher is estimated on (each its own gradient), &gt;= 1;
 *                default 1000
 * @param online  online EWC (Schwarz et al. 2018): one penalty whose Fisher decays by {@code gamma} each task and
 *                whose anchor is the latest θ*, instead of one penalty per task; default false
 * @param gamma   online EWC's decay of the accumulated Fisher, in [0, 1]; default 1.0
 */
public record EwcConfig(double lambda, String fisher, int samples, boolean online, double gamma)
        implements ConfigNode {

    /** Fisher estimators. */
    public static final List<String> FISHERS = List.of("empirical", "true");

    /** The documented defaults, used for every key of {@code "ewc": {}}. */
    public static final EwcConfig DEFAULTS = new EwcConfig(25.0, "empirical", 1000, false, 1.0);

    public EwcConfig {
        Objects.requireNonNull(fisher, "fisher");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("lambda").nonNegative(lambda);
        problems.at("fisher").oneOf(fisher, FISHERS);
        problems.at("samples").atLeast(samples, 1);
        problems.at("gamma").inRange(gamma, 0, true, 1, true);
        if (!online && gamma != 1.0) {
            problems.at("gamma").report("applies to online EWC only (method.ewc.online=true), got online=false");
        }
    }
}
