package org.plasticity.trainers;

import ai.djl.ndarray.NDManager;
import org.plasticity.core.layer.Param;
import org.plasticity.core.optim.Adam;
import org.plasticity.core.optim.LearningRateSchedule;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.core.optim.Sgd;
import org.plasticity.trainers.config.AdamOptimizer;
import org.plasticity.trainers.config.ConstantSchedule;
import org.plasticity.trainers.config.CosineSchedule;
import org.plasticity.trainers.config.OptimizerConfig;
import org.plasticity.trainers.config.ScheduleConfig;
import org.plasticity.trainers.config.SgdOptimizer;
import org.plasticity.trainers.config.StepSchedule;

import java.util.List;

/** Builds the core optimizer and learning-rate schedule a config names. */
public final class OptimizerFactory {
    private OptimizerFactory() {
    }

    /** The optimizer over {@code params}, its state in a child of {@code manager}. */
    public static Optimizer create(OptimizerConfig config, List<Param> params, NDManager manager) {
        if (config instanceof SgdOptimizer s) {
            return new Sgd(params, new Sgd.Settings(s.lr(), s.momentum(), s.dampening(), s.weightDecay(),
                    s.nesterov()), manager);
        }
        if (config instanceof AdamOptimizer a) {
            return new Adam(params, new Adam.Settings(a.lr(), a.beta1(), a.beta2(), a.eps(), a.weightDecay()),
                    manager);
        }
        throw new IllegalStateException("no optimizer for " + config.getClass().getSimpleName());
    }

    /** The learning-rate schedule, stepped per epoch. */
    public static LearningRateSchedule schedule(ScheduleConfig config) {
        if (config instanceof ConstantSchedule) {
            return LearningRateSchedule.constant();
        }
        if (config instanceof StepSchedule s) {
            return LearningRateSchedule.step(s.stepSize(), s.gamma());
        }
        if (config instanceof CosineSchedule c) {
            return LearningRateSchedule.cosine(c.warmup(), c.tMax());
        }
        throw new IllegalStateException("no schedule for " + config.getClass().getSimpleName());
    }
}
