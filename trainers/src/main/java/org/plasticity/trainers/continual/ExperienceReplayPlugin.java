package org.plasticity.trainers.continual;

import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.Seeds;
import org.plasticity.trainers.config.ExperienceReplayConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Experience replay (ER), the standard online variant (as in Mammoth's {@code er}): at every
 * training step, {@code round(ratio × B)} samples drawn uniformly without replacement from the
 * buffer join the batch of B new samples (the loss is the mean over all of them); then the new
 * samples are offered to the buffer ({@link ReservoirBuffer} or {@link ClassBalancedBuffer}).
 * A class is a (head, label) pair, so in domain-incremental streams (permuted MNIST) a digit is
 * one class across tasks. Replayed samples go through the same step as new ones, so with a
 * projection method they are projected too. Draws use a generator seeded by the run seed and the
 * step's position, so a resumed run replays exactly what an uninterrupted one would.
 */
public final class ExperienceReplayPlugin implements ContinualPlugin {
    private final ExperienceReplayConfig config;
    private final ReplayBuffer buffer;
    private long replayed;

    public ExperienceReplayPlugin(ExperienceReplayConfig config) {
        this.config = config;
        this.buffer = ReplayBuffer.of(config.policy(), config.size());
    }

    @Override
    public String name() {
        return "er";
    }

    @Override
    public void beforeTask(TaskContext context) {
        replayed = 0;
    }

    @Override
    public int[] extraSamples(StepContext context, int[] batch) {
        TaskContext task = context.task();
        Random random = new Random(Seeds.derive(task.experiment().config().seed(), "experience-replay",
                task.index(), context.epoch(), context.step()));
        int[] drawn = buffer.draw((int) Math.round(config.ratio() * batch.length), random);
        TrainingSet samples = task.samples();
        for (int sample : batch) {
            int source = samples.sourceOf(sample);
            long head = samples.sources().get(source).head();
            buffer.offer(sample, (head << 32) | samples.label(sample), random);
        }
        replayed += drawn.length;
        return drawn;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("experienceReplayBufferSize", buffer.size());
        d.put("experienceReplaySamples", replayed);
        return d;
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        checkpoint.putLongs(prefix + "buffer", buffer.state());
        checkpoint.putLongs(prefix + "replayed", replayed);
    }

    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        buffer.restore(checkpoint.longs(prefix + "buffer"));
        replayed = checkpoint.longValue(prefix + "replayed");
    }

    /** The buffer (for tests). */
    public ReplayBuffer buffer() {
        return buffer;
    }
}
