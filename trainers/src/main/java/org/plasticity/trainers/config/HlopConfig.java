package org.plasticity.trainers.config;

import java.util.List;

/**
 * Hebbian learning based orthogonal projection (HLOP): lateral Hebbian neurons learn the principal subspace of each
 * layer's past inputs, and gradients of later tasks are projected orthogonally to it. The three lists hold one entry
 * per weight layer ({@code model.hidden} size + 1).
 *
 * @param lr               Hebbian learning rate per layer, each &gt; 0; default [0.001, 0.01, 0.01]
 * @param initial          subspace neurons per layer after the first task, each &gt;= 0; default [80, 200, 100]
 * @param increment        neurons added per layer for each later task, each &gt;= 0; default [70, 70, 70]
 * @param decrementEvery   the increment shrinks every this many tasks, &gt;= 1; default 3
 * @param decrement        how much the increment shrinks, &gt;= 0; default 20
 * @param iterations       Hebbian iterations per batch, &gt;= 1; default 5
 * @param momentum         momentum of the Hebbian update, in [0, 1); default 0.9
 * @param clamp            bound on each element of a Hebbian update Δ, &gt; 0; default 10.0
 * @param startEpoch       first epoch (0-based) of each task with Hebbian learning, &gt;= 0; default 0
 * @param spiking          whether the Hebbian neurons are spiking; default false
 * @param spikingScale     saturation s of the spiking lateral neurons' outputs (quantisation step s/timesteps), &gt; 0;
 *                         default 20.0
 * @param spikingTimesteps timesteps of the spiking lateral neurons, &gt;= 1; default 1000
 * @param withWfr          DSR: whether weighted firing rates (else per-step inputs) feed the Hebbian update;
 *                         default true
 * @param laterIncrement   neurons added per layer for each task from {@code laterIncrementFrom} on, instead of
 *                         {@code increment} (the reference's miniImageNet script switches lists at task 6), each
 *                         &gt;= 0, or null for {@code increment} throughout; default null
 * @param laterIncrementFrom the first task that adds {@code laterIncrement}, &gt;= 1 (used only with
 *                         {@code laterIncrement}); default 1
 * @param projectOn        where the projection is computed: {@code auto} (per layer and step, the cheaper of the
 *                         two), {@code gradient} (on the weight gradient after backward, the reference's order) or
 *                         {@code inputs} (on a linear layer's input rows, when unquantised); the same gradient up to
 *                         float rounding; default {@code auto}
 * @param energySamples    training samples of each task whose activity measures, after the task, how much of it each
 *                         layer's subspace holds against the best subspace of its size ({@code hlopEnergyCaptured},
 *                         {@code hlopEnergyPrincipal}); &gt;= 0, 0 for no measurement; default 0
 */
public record HlopConfig(List<Double> lr, List<Integer> initial, List<Integer> increment, int decrementEvery,
        int decrement, int iterations, double momentum, double clamp, int startEpoch, boolean spiking,
        double spikingScale, int spikingTimesteps, boolean withWfr, List<Integer> laterIncrement,
        int laterIncrementFrom, String projectOn, int energySamples) implements ConfigNode {

    /** The documented defaults, used for every key of {@code "hlop": {}}. */
    public static final HlopConfig DEFAULTS = new HlopConfig(List.of(0.001, 0.01, 0.01), List.of(80, 200, 100),
            List.of(70, 70, 70), 3, 20, 5, 0.9, 10.0, 0, false, 20.0, 1000, true, null, 1, "auto", 0);

    public HlopConfig {
        lr = List.copyOf(lr);
        initial = List.copyOf(initial);
        increment = List.copyOf(increment);
        laterIncrement = laterIncrement == null ? null : List.copyOf(laterIncrement);
        java.util.Objects.requireNonNull(projectOn, "projectOn");
    }

    /**
     * The lateral neurons layer {@code layer} gains before task {@code task}, as the reference adds them:
     * {@code initial[l]} before task 0; before task t ≥ 1, the increment in force ({@code laterIncrement} from task
     * {@code laterIncrementFrom} on, else {@code increment}) less {@code decrement·⌊t / decrementEvery⌋}, at least 0.
     */
    public int neuronsAdded(int layer, int task) {
        if (task == 0) {
            return initial.get(layer);
        }
        List<Integer> inForce = laterIncrement != null && task >= laterIncrementFrom ? laterIncrement : increment;
        return Math.max(0, inForce.get(layer) - decrement * (task / decrementEvery));
    }

    @Override
    public void validate(ConfigProblems problems) {
        for (int i = 0; i < lr.size(); i++) {
            problems.at("lr").at(i).positive(lr.get(i));
        }
        for (int i = 0; i < initial.size(); i++) {
            problems.at("initial").at(i).atLeast(initial.get(i), 0);
        }
        for (int i = 0; i < increment.size(); i++) {
            problems.at("increment").at(i).atLeast(increment.get(i), 0);
        }
        problems.at("decrementEvery").atLeast(decrementEvery, 1);
        problems.at("decrement").atLeast(decrement, 0);
        problems.at("iterations").atLeast(iterations, 1);
        problems.at("momentum").inRange(momentum, 0, true, 1, false);
        problems.at("clamp").positive(clamp);
        problems.at("startEpoch").atLeast(startEpoch, 0);
        problems.at("spikingScale").positive(spikingScale);
        problems.at("spikingTimesteps").atLeast(spikingTimesteps, 1);
        if (laterIncrement != null) {
            for (int i = 0; i < laterIncrement.size(); i++) {
                problems.at("laterIncrement").at(i).atLeast(laterIncrement.get(i), 0);
            }
        }
        problems.at("laterIncrementFrom").atLeast(laterIncrementFrom, 1);
        problems.at("projectOn").oneOf(projectOn, PROJECT_ON);
        problems.at("energySamples").atLeast(energySamples, 0);
    }

    /** The values of {@code projectOn} (and of GPM's). */
    public static final List<String> PROJECT_ON = List.of("auto", "gradient", "inputs");
}
