package org.plasticity.trainers.config;

/**
 * Adam, with PyTorch's parameters and rules. Type name {@code adam}.
 *
 * @param lr          learning rate, &gt; 0; default 0.001
 * @param beta1       decay of the first-moment estimate, in [0, 1); default 0.9
 * @param beta2       decay of the second-moment estimate, in [0, 1); default 0.999
 * @param eps         term added to the denominator, &gt; 0; default 1e-8
 * @param weightDecay L2 penalty, &gt;= 0; default 0.0
 */
public record AdamOptimizer(double lr, double beta1, double beta2, double eps, double weightDecay)
        implements OptimizerConfig {

    /** The documented defaults. */
    public static final AdamOptimizer DEFAULTS = new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("lr").positive(lr);
        problems.at("beta1").inRange(beta1, 0, true, 1, false);
        problems.at("beta2").inRange(beta2, 0, true, 1, false);
        problems.at("eps").positive(eps);
        problems.at("weightDecay").nonNegative(weightDecay);
    }

    @Override
    public int stateSlots() {
        return 2;
    }
}
