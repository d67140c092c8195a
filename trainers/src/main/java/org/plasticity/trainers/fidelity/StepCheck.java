package org.plasticity.trainers.fidelity;

import org.plasticity.datasets.formats.NdArray;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.ExperimentFactory;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.DsrLifNeuron;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.continual.ContinualTrainer;
import org.plasticity.trainers.continual.Methods;
import org.plasticity.trainers.continual.StepReplay;
import org.plasticity.trainers.run.Progress;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step for step against a reference dump (docs/FIDELITY.md): builds the network of a config sized like the dump,
 * starts every phase from the reference's state, trains the reference's batches through {@link StepReplay} and
 * compares each step's loss and the state after the phase.
 *
 * <p>The config is read with overrides taken from the dump — two tasks, the hidden width, T, the batch size and, for
 * HLOP, the subspace sizes — before the user's own. Permuted-MNIST dumps index the config's own scenario (whose task
 * order and images are the reference's, bit for bit: the first batch's images are checked); dumps of generated data
 * bring their samples.
 */
public final class StepCheck {
    private StepCheck() {
    }

    /** The overrides a dump implies for the config, applied before the user's. */
    public static List<String> overrides(ReferenceDump dump) {
        List<String> out = new ArrayList<>();
        out.add("data.tasks=" + dump.phases().size());
        out.add("model.hidden=[" + dump.hidden() + "," + dump.hidden() + "]");
        out.add("model.timesteps=" + dump.timesteps());
        out.add("training.batchSize=" + dump.batchSize());
        out.add("training.syncEvery=1");
        if (dump.variant().equals("hlop")) {
            out.add("method.hlop.initial=" + dump.hlopInitial().toString().replace(" ", ""));
            out.add("method.hlop.increment=" + dump.hlopIncrement().toString().replace(" ", ""));
        }
        return out;
    }

    /**
     * Runs the comparison.
     *
     * @param configFile the config of the same method and variant as the dump
     * @param userOverrides the user's {@code --set}s (threads, device, ...)
     * @param log where progress lines go
     * @throws UserError when the config does not train what the dump trained
     */
    public static StepComparison run(Path configFile, ReferenceDump dump, List<String> userOverrides,
                                     double lossTolerance, double stateTolerance, PrintStream log) {
        ExperimentConfig asWritten = ExperimentConfigs.read(configFile, userOverrides);
        requireSameMethod(configFile, asWritten, Methods.trainer(asWritten), dump);
        List<String> overrides = new ArrayList<>(overrides(dump));
        overrides.addAll(userOverrides);
        ExperimentConfig config = ExperimentConfigs.read(configFile, overrides);
        ContinualTrainer trainer = Methods.trainer(config);
        double bound = config.model().neuron() instanceof DsrLifNeuron dsr ? dsr.vthBound() : Double.NaN;
        List<StepComparison.Phase> phases = new ArrayList<>();
        try (Experiment experiment = experiment(config, dump, log)) {
            StepReplay replay = new StepReplay(experiment, trainer);
            for (ReferenceDump.Phase phase : dump.phases()) {
                if (!dump.hasGeneratedData()) {
                    requireSameImages(experiment.scenario(), dump, phase);
                }
                Map<String, NdArray> start = ReferenceState.asForwardReads(dump.state(phase.start()), bound);
                float[] losses = replay.train(phase.task(),
                        () -> ReferenceState.load(start, replay.network(), replay.hlopSubspaces(), phase.hlopOldRows()),
                        phase.batches());
                Map<String, float[]> ours = ReferenceState.capture(replay.network(), replay.hlopSubspaces());
                Map<String, NdArray> end = ReferenceState.asForwardReads(dump.state(phase.end()), bound);
                Map<String, NdArray> twin = phase.noise() == null ? Map.of()
                        : ReferenceState.asForwardReads(dump.state(phase.noise().end()), bound);
                List<StepComparison.TensorDiff> diffs = new ArrayList<>();
                for (Map.Entry<String, float[]> e : ours.entrySet()) {
                    String name = e.getKey();
                    NdArray reference = end.get(name);
                    if (reference == null || reference.size() != e.getValue().length) {
                        throw new UserError(dump.dir().resolve(phase.end()) + ": " + (reference == null ? "no "
                                + name + ".npy" : name + ".npy has shape " + reference.shapeText()) + " after task "
                                + phase.task() + "; write the dump again");
                    }
                    diffs.add(StepComparison.diff(name, e.getValue(), reference.floats(), floats(start.get(name)),
                            floats(twin.get(name))));
                }
                phases.add(new StepComparison.Phase(phase.task(), losses, phase.losses(),
                        phase.noise() == null ? null : phase.noise().losses(), diffs));
                log.printf("task %d replayed: %d steps%n", phase.task(), losses.length);
            }
        }
        return new StepComparison(dump.method(), dump.variant(), phases, lossTolerance, stateTolerance);
    }

    private static float[] floats(NdArray a) {
        return a == null ? null : a.floats();
    }

    private static Experiment experiment(ExperimentConfig config, ReferenceDump dump, PrintStream log) {
        if (!dump.hasGeneratedData()) {
            return ExperimentFactory.create(config, null, null, log, Progress.Factory.NONE);
        }
        return ExperimentFactory.create(config, new DumpScenario(dump, dump.phases().size()), null, null, log,
                Progress.Factory.NONE);
    }

    private static void requireSameMethod(Path file, ExperimentConfig config, ContinualTrainer trainer,
                                          ReferenceDump dump) {
        if (!config.training().method().equals(dump.method())) {
            throw new UserError(file + ": training.method is " + config.training().method() + " but the dump "
                    + dump.dir() + " trained with " + dump.method() + "; use configs/pmnist-" + dump.variant() + "-"
                    + dump.method() + ".json");
        }
        if (!config.training().feedback().equals(dump.feedback())) {
            throw new UserError(file + ": training.feedback is " + config.training().feedback() + " but the dump "
                    + dump.dir() + " trained with " + dump.feedback() + "; use the config of that error route");
        }
        boolean hlop = trainer.label().contains("hlop");
        if (hlop != dump.variant().equals("hlop") || !trainer.label().startsWith("finetune")
                || trainer.plugins().size() > (hlop ? 1 : 0)) {
            throw new UserError(file + ": the method is " + trainer.label() + " but the dump " + dump.dir()
                    + " trained " + dump.variant() + "; use configs/pmnist-" + dump.variant() + "-" + dump.method()
                    + ".json");
        }
    }

    /** The dump's first batch of a phase must be the images our scenario holds under the same rows. */
    private static void requireSameImages(Scenario scenario, ReferenceDump dump, ReferenceDump.Phase phase) {
        String folder = phase.start().substring(0, phase.start().indexOf('/'));
        float[] expected = dump.array(folder + "/batch0-x.npy").floats();
        long[] labels = dump.array(folder + "/batch0-y.npy").longs();
        int[] rows = phase.batches().get(0);
        Split split = scenario.task(phase.task()).train();
        float[] ours = new float[rows.length * split.dim()];
        split.gather(rows, 0, rows.length, ours);
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - expected[i]));
        }
        boolean sameLabels = true;
        for (int i = 0; i < rows.length; i++) {
            sameLabels &= split.label(rows[i]) == labels[i];
        }
        if (worst > 1e-6 || !sameLabels) {
            throw new UserError(dump.dir() + ": task " + phase.task() + "'s first batch is not the images our "
                    + "permuted-MNIST scenario holds under the same rows (max |diff| " + worst + ", labels "
                    + (sameLabels ? "equal" : "differ") + "): the data or the task order differs");
        }
    }
}
