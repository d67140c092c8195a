package org.plasticity.trainers.config;

/**
 * Stochastic gradient descent, with PyTorch's parameters and rules. Type name {@code sgd}.
 *
 * @param lr          learning rate, &gt; 0; default 0.1
 * @param momentum    momentum factor, in [0, 1); default 0.0
 * @param dampening   dampening of the momentum, &gt;= 0; default 0.0
 * @param weightDecay L2 penalty, &gt;= 0; default 0.0
 * @param nesterov    Nesterov momentum, which needs momentum &gt; 0 and dampening 0; default false
 */
public record SgdOptimizer(double lr, double momentum, double dampening, double weightDecay, boolean nesterov)
        implements OptimizerConfig {

    /** The documented defaults. */
    public static final SgdOptimizer DEFAULTS = new SgdOptimizer(0.1, 0.0, 0.0, 0.0, false);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("lr").positive(lr);
        problems.at("momentum").inRange(momentum, 0, true, 1, false);
        problems.at("dampening").nonNegative(dampening);
        problems.at("weightDecay").nonNegative(weightDecay);
        if (nesterov && !(momentum > 0 && dampening == 0)) {
            problems.at("nesterov").report("requires momentum > 0 and dampening = 0, got momentum "
                    + ConfigProblems.format(momentum) + " and dampening " + ConfigProblems.format(dampening));
        }
    }

    @Override
    public int stateSlots() {
        return momentum > 0 ? 1 : 0;
    }
}
