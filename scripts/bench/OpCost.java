import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of single tensor operations on the engine (scripts/bench/op-cost.sh runs it): the operations of a DSR
 * neuron step on one {@code [B, N]} tensor, in the forms the code could use, and the stacks and readout sums over
 * {@code T} steps. Each line is the median of 5 timed rounds (after one untimed round) of many calls, in µs per call,
 * each result closed at once. Arguments: B N T (default 64 800 20).
 */
public final class OpCost {
    private OpCost() {
    }

    private static void time(String name, int calls, Runnable op) {
        for (int i = 0; i < calls; i++) {
            op.run();
        }
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                op.run();
            }
            rounds[r] = (System.nanoTime() - start) / 1e3 / calls;
        }
        java.util.Arrays.sort(rounds);
        System.out.printf(java.util.Locale.ROOT, "%-52s %9.1f us%n", name, rounds[2]);
    }

    private static void close(NDArray... arrays) {
        for (NDArray a : arrays) {
            a.close();
        }
    }

    public static void main(String[] args) {
        int b = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        int t = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray u = m.randomNormal(new Shape(b, n));
            NDArray level = m.create(0.09f);
            NDArray one = m.create(1f);
            NDArray decay = m.create(0.95f);
            NDArray fired = u.gte(level);
            NDArray spikes = fired.toType(DataType.FLOAT32, false);
            int calls = Math.max(50, 20_000_000 / (b * n));
            System.out.printf("one [%d, %d] tensor, %d calls a round%n", b, n, calls);
            time("u >= level (boolean)", calls, () -> u.gte(level).close());
            time("boolean -> float cast", calls, () -> fired.toType(DataType.FLOAT32, false).close());
            time("boolean * float", calls, () -> fired.mul(level).close());
            time("float step min(sign(u - level) + 1, 1)", calls, () -> {
                NDArray above = u.sub(level).signi().addi(one);
                close(above.minimum(one), above);
            });
            time("float * float", calls, () -> spikes.mul(level).close());
            time("float + float", calls, () -> u.add(spikes).close());
            time("float *= 0-d, in place", calls, () -> u.muli(decay).divi(decay));
            List<NDArray> steps = new ArrayList<>();
            for (int i = 0; i < t; i++) {
                steps.add(spikes);
            }
            NDArray stacked = NDArrays.stack(new NDList(steps));
            NDArray weights = m.randomUniform(0, 1, new Shape(t, 1, 1));
            int few = Math.max(50, calls / 4);
            System.out.printf("%d steps of it%n", t);
            time("stack of the steps", few, () -> NDArrays.stack(new NDList(steps)).close());
            time("concat of the steps (time-major)", few, () -> NDArrays.concat(new NDList(steps), 0).close());
            time("weighted sum over steps (mul, sum)", few, () -> {
                NDArray p = stacked.mul(weights);
                close(p.sum(new int[] {0}), p);
            });
            time("weighted sum of one broadcast tensor (mul, sum)", few, () -> {
                NDArray p = spikes.expandDims(0).mul(weights);
                close(p.sum(new int[] {0}), p);
            });
        }
    }
}
