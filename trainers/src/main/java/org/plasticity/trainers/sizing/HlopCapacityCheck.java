package org.plasticity.trainers.sizing;

import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.HlopConfig;
import org.plasticity.trainers.config.MlpModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses HLOP lateral-neuron totals (initial plus every later task's increment, with the decrements) above a
 * protected MLP layer's input dimension: the subspace cannot have more directions than the layer has inputs, so
 * the surplus neurons only make the layer's gradient vanish. Conv nets are not checked: the reference's 5-Datasets
 * protocol exceeds the dimension of several ResNet layers on purpose (hlop.md §2.7), and it is reproduced as is
 * (docs/HLOP.md).
 */
public final class HlopCapacityCheck {
    private HlopCapacityCheck() {
    }

    /**
     * Checks the totals of an MLP's HLOP lists against its layers' input dimensions.
     *
     * @param config the validated config (lists of the right length)
     * @param scenario its data (input dimension, number of tasks)
     * @throws UserError naming the list entry when a total exceeds its layer's inputs
     */
    public static void check(ExperimentConfig config, Scenario scenario) {
        HlopConfig hlop = config.method().hlop();
        if (hlop == null || !(config.model() instanceof MlpModel mlp)) {
            return;
        }
        List<Integer> fanIns = new ArrayList<>();
        List<String> fanInKeys = new ArrayList<>();
        fanIns.add(scenario.inputDim());
        fanInKeys.add("the data's " + scenario.inputDim() + " features");
        for (int i = 0; i < mlp.hidden().size(); i++) {
            fanIns.add(mlp.hidden().get(i));
            fanInKeys.add("model.hidden[" + i + "]");
        }
        int protectedLayers = mlp.hidden().size() + (scenario.taskIncremental() ? 0 : 1);
        for (int l = 0; l < protectedLayers && l < hlop.initial().size(); l++) {
            long total = total(hlop, l, scenario.numTasks());
            if (total > fanIns.get(l)) {
                boolean initial = hlop.initial().get(l) > fanIns.get(l);
                throw new UserError("method.hlop." + (initial ? "initial" : "increment") + "[" + l + "]: " + total
                        + " lateral neurons after " + scenario.numTasks() + " tasks (initial "
                        + hlop.initial().get(l) + " plus the increments) exceed the layer's input dimension "
                        + fanIns.get(l) + " (" + fanInKeys.get(l) + "); an MLP layer's subspace cannot have more "
                        + "directions than inputs, the surplus would stop its learning; reduce them");
            }
        }
    }

    /** Neurons of layer {@code l} after {@code tasks} tasks, as HlopPlugin adds them. */
    static long total(HlopConfig hlop, int l, int tasks) {
        long total = 0;
        for (int t = 0; t < tasks; t++) {
            total += hlop.neuronsAdded(l, t);
        }
        return total;
    }
}
