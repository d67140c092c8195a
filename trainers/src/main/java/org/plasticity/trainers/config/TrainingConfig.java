package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The training loop.
 *
 * @param method               gradient method: {@code bptt} (backpropagation through time), {@code dsr}
 *                             (differentiation on spike representation) or {@code ottt} (online training through
 *                             time); default {@code bptt}
 * @param epochs               epochs per task, &gt;= 1; default 1
 * @param batchSize            training batch size, &gt;= 1; default 64
 * @param evalBatchSize        evaluation batch size, independent of {@code batchSize}, &gt;= 1; default 256 (measured
 *                             fastest on 2 CPU cores; on a GPU larger batches pay, e.g. 1000)
 * @param shuffle              whether training examples are shuffled each epoch; default true
 * @param freezeAfterFirstTask after the first task, train only parameters with two or more dimensions (the
 *                             reference's rule: biases, heads' biases and thresholds freeze); default false
 * @param optimizer            the optimizer; default {@code sgd}
 * @param schedule             the learning-rate schedule, stepped once per epoch; default {@code step}
 * @param onNonFinite          what a NaN or infinite loss or gradient does: {@code stop} the run (the last
 *                             checkpoint stays intact) or {@code skip} the batch; default {@code stop}
 * @param onlineUpdate         OTTT only: one optimizer step per timestep instead of one per batch; default false
 * @param feedback             how every weight layer sends the error to its input: {@code backprop},
 *                             {@code feedback-alignment} (fixed random matrices) or {@code sign-symmetric};
 *                             default {@code backprop}
 * @param syncEvery            training steps between two reads of the losses from the device, &gt;= 1; default 50.
 *                             A step keeps its loss and gradient check on the device; every {@code syncEvery} steps,
 *                             before every checkpoint and at the end of every epoch they are read at once, so a
 *                             non-finite loss stops the run up to {@code syncEvery} steps after it happened (with the
 *                             same message, naming that step, and no checkpoint of the diverged state). With
 *                             {@code onNonFinite=skip} every step is read, since skipping is decided before the update
 * @param deviceDataMiB        the most MiB of sample features kept on the device (4 bytes per feature): the training
 *                             features of the task's samples (all tasks so far with {@code multitask}), uploaded once
 *                             per task so that batches are gathered on the device, and one test split while it is
 *                             evaluated; data that does not fit is batched on the host and uploaded per batch, as
 *                             before; 0 turns residency off; &gt;= 0; default 1024 (a permuted-MNIST task is 179 MiB)
 * @param lrAfterFirstTask     the optimizer's learning rate from the second task on (the reference's {@code lr_continual}
 *                             of its miniImageNet and 5-Datasets scripts), or null for {@code optimizer.lr} in every
 *                             task; &gt; 0; default null
 * @param forwardTransfer      whether the run measures forward transfer (FWT): the untrained network on every task,
 *                             and each task before it is trained. Off, the run evaluates only the tasks trained so
 *                             far, as the HLOP reference does (55 instead of 64 evaluations in 10 tasks), and FWT
 *                             is not reported; ACC and BWT are the same; default true
 */
public record TrainingConfig(String method, int epochs, int batchSize, int evalBatchSize, boolean shuffle,
        boolean freezeAfterFirstTask, OptimizerConfig optimizer, ScheduleConfig schedule, String onNonFinite,
        String feedback, boolean onlineUpdate, int syncEvery, int deviceDataMiB, Double lrAfterFirstTask,
        boolean forwardTransfer) implements ConfigNode {

    /** Known gradient methods. */
    public static final List<String> METHODS = List.of("bptt", "dsr", "ottt");

    /** What a non-finite loss or gradient may do. */
    public static final List<String> ON_NON_FINITE = List.of("stop", "skip");

    /** Error routes. */
    public static final List<String> FEEDBACK = List.of("backprop", "feedback-alignment", "sign-symmetric");

    /** The documented defaults. */
    public static final TrainingConfig DEFAULTS = new TrainingConfig("bptt", 1, 64, 256, true, false,
            SgdOptimizer.DEFAULTS, StepSchedule.DEFAULTS, "stop", "backprop", false, 50, 1024, null, true);

    public TrainingConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(onNonFinite, "onNonFinite");
        Objects.requireNonNull(feedback, "feedback");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("method").oneOf(method, METHODS);
        problems.at("epochs").atLeast(epochs, 1);
        problems.at("batchSize").atLeast(batchSize, 1);
        problems.at("evalBatchSize").atLeast(evalBatchSize, 1);
        optimizer.validate(problems.at("optimizer"));
        schedule.validate(problems.at("schedule"));
        problems.at("onNonFinite").oneOf(onNonFinite, ON_NON_FINITE);
        problems.at("feedback").oneOf(feedback, FEEDBACK);
        problems.at("syncEvery").atLeast(syncEvery, 1);
        problems.at("deviceDataMiB").atLeast(deviceDataMiB, 0);
        if (lrAfterFirstTask != null) {
            problems.at("lrAfterFirstTask").positive(lrAfterFirstTask);
        }
        if (onlineUpdate && !method.equals("ottt")) {
            problems.at("onlineUpdate").report("onlineUpdate applies to training.method=ottt only, got " + method);
        }
    }
}
