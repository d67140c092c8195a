package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.config.EwcConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Elastic weight consolidation (Kirkpatrick et al. 2017), with online EWC (Schwarz et al. 2018)
 * as an option: after each task the diagonal Fisher of every trainable parameter is estimated
 * ({@link FisherEstimator}) and absorbed into a {@link QuadraticPenalty} anchored at the task's
 * final parameters; while later tasks train, {@code λ/2 · Σ F (θ − θ*)²} joins the loss through the
 * extra-loss hook, so its gradient {@code λ F (θ − θ*)} flows through the same backward pass (and,
 * with a projection method, is projected with the rest). With {@code training.freezeAfterFirstTask}, task 0's
 * estimate leaves out the parameters task 1 freezes (thresholds, biases, BatchNorm): they stay at their anchor, so
 * their penalty term is zero whatever their Fisher, and the rest is batched.
 */
public final class EwcPlugin implements ContinualPlugin {
    private final EwcConfig config;
    private Network network;
    private QuadraticPenalty penalty;
    private final List<Double> fisherMax = new ArrayList<>();
    private double fisherSeconds;
    private int fisherPasses;

    public EwcPlugin(EwcConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.online() ? "oewc" : "ewc";
    }

    @Override
    public void start(Experiment experiment) {
        network = experiment.network();
        penalty = new QuadraticPenalty(network.manager(), network.parameters().size());
    }

    @Override
    public NDArray extraLoss(StepContext context) {
        return penalty.isEmpty() ? null : penalty.value(network.parameters(), network.constants(), config.lambda() / 2);
    }

    @Override
    public void afterTask(TaskContext context) {
        long start = System.nanoTime();
        Experiment experiment = context.experiment();
        // a parameter the next task freezes stays at its anchor, so its penalty term is zero whatever its Fisher
        boolean freezesNext = context.index() == 0 && experiment.config().training().freezeAfterFirstTask();
        Predicate<Param> estimated = freezesNext ? ContinualTrainer::trainsAfterFirstTask : p -> true;
        FisherEstimator.Estimate estimate = FisherEstimator.estimate(network, network.manager(), context,
                config.samples(), config.fisher().equals("true"), experiment.config().seed(), estimated, true);
        List<NDArray> fisher = estimate.fisher();
        fisherPasses = estimate.backwardPasses();
        List<NDArray> anchor = new ArrayList<>();
        fisherMax.clear();
        for (int i = 0; i < fisher.size(); i++) {
            Param p = network.parameters().get(i);
            anchor.add(fisher.get(i) == null ? null : p.value());
            if (fisher.get(i) != null) {
                fisherMax.add((double) fisher.get(i).max().getFloat());
            }
        }
        penalty.absorb(fisher, anchor, config.online(), config.gamma());
        fisher.forEach(f -> {
            if (f != null) {
                f.close();
            }
        });
        fisherSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** The full penalty {@code λ/2 · Σ_k Σ F_k (θ − θ*_k)²} at the current parameters (no graph). */
    public double penaltyValue() {
        NDArray partial = penalty.value(network.parameters(), network.constants(), 1.0);
        double quadratic = partial == null ? 0 : partial.getFloat();
        if (partial != null) {
            partial.close();
        }
        return config.lambda() / 2 * (quadratic + penalty.constant());
    }

    /** The penalty (for tests). */
    QuadraticPenalty penalty() {
        return penalty;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ewcFisherMax", List.copyOf(fisherMax));
        d.put("ewcFisherSeconds", fisherSeconds);
        d.put("ewcFisherBackwardPasses", fisherPasses);
        return d;
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        penalty.saveState(checkpoint, prefix + "penalty/");
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        penalty.restoreState(checkpoint, prefix + "penalty/");
    }
}
