package org.plasticity.trainers.fidelity;

import org.plasticity.datasets.formats.NdArray;
import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.datasets.scenario.Split;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.UserError;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated tasks a reference dump carries ({@code samples/taskT-x.npy}, {@code samples/taskT-y.npy}: flat 784-pixel
 * images and labels 0–9), as a scenario with one shared ten-class head. Each task's test split is its training split
 * (a step-for-step comparison evaluates nothing).
 */
final class DumpScenario implements Scenario {
    private static final int CLASSES = 10;
    private final List<Task> tasks = new ArrayList<>();
    private final int dim;

    DumpScenario(ReferenceDump dump, int numTasks) {
        int d = -1;
        for (int t = 0; t < numTasks; t++) {
            NdArray x = dump.array("samples/task" + t + "-x.npy");
            NdArray y = dump.array("samples/task" + t + "-y.npy");
            long[] shape = x.shape();
            if (shape.length != 2 || y.shape().length != 1 || y.shape()[0] != shape[0]) {
                throw new UserError(dump.dir().resolve("samples") + ": task " + t + " has inputs " + x.shapeText()
                        + " and labels " + y.shapeText() + "; expected [N, D] and [N]");
            }
            d = (int) shape[1];
            int[] labels = java.util.Arrays.stream(y.longs()).mapToInt(Math::toIntExact).toArray();
            Split split = Split.of(x.floats(), d, labels);
            int[] classes = java.util.stream.IntStream.range(0, CLASSES).toArray();
            tasks.add(new Task(t, "generated-" + t, split, split, CLASSES, classes));
        }
        this.dim = d;
    }

    @Override
    public String name() {
        return "reference-dump";
    }

    @Override
    public int numTasks() {
        return tasks.size();
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public Task task(int t) {
        return tasks.get(t);
    }

    @Override
    public boolean taskIncremental() {
        return false;
    }

    @Override
    public int sharedOutputs() {
        return CLASSES;
    }
}
