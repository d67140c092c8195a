import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.plasticity.core.layer.ErrorRoute;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.ProjectedInputRoute;
import org.plasticity.core.layer.TraceWeightGradient;
import org.plasticity.core.layer.WeightInit;
import org.plasticity.core.layer.WeightOp;
import org.plasticity.core.plasticity.GradientProjector;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The cost of one linear layer's training step (forward, backward, gradient completion) in the forms a projected or
 * trace-based weight gradient can take (scripts/bench/op-cost.sh routes runs it): the projected route formed after
 * backward ({@code ProjectedInputRoute}) against the autograd bracket {@code z − sg(z)} with {@code z = P(x)·Wᵀ} that
 * it replaced, and against projecting the gradient; the measuring step's forms; OTTT's trace gradient formed after
 * backward against autograd's bracket. The variants run interleaved, round after round, so that a drift of this
 * machine's speed touches them alike; each line is the median over the rounds, in ms per step.
 * Arguments: R IN OUT M (default 64 800 800 460: DSR's fc2 at task 9).
 */
public final class RouteCost {
    private RouteCost() {
    }

    /** The form the code had before: the weight gradient from autograd through a zero-valued bracket. */
    private static ErrorRoute bracket(ErrorRoute inner, GradientProjector projector) {
        return new ErrorRoute() {
            @Override
            public String name() {
                return "bracket";
            }

            @Override
            public NDArray apply(NDArray x, NDArray weight, NDArray bias, WeightOp op) {
                NDArray z = op.apply(projector.projectRows(x).stopGradient(), weight, null);
                return inner.apply(x, weight.stopGradient(), bias, op).add(z.sub(z.stopGradient()));
            }

            @Override
            public NDArray feedback(NDArray weight) {
                return inner.feedback(weight);
            }
        };
    }

    public static void main(String[] args) {
        int r = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int in = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        int out = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        int m = args.length > 3 ? Integer.parseInt(args[3]) : 460;
        try (NDManager manager = NDManager.newBaseManager()) {
            LinearLayer fc = new LinearLayer(1, "fc", in, out, false, WeightInit.PYTORCH_DEFAULT, manager,
                    new SplittableRandom(1));
            NDArray x = manager.randomNormal(new Shape(r, in));
            NDArray trace = manager.randomNormal(new Shape(r, in));
            NDArray g = manager.randomNormal(new Shape(r, out));
            NDArray basis = manager.randomNormal(new Shape(m, in)).div(Math.sqrt(in));
            NDArray removedSum = manager.zeros(new Shape(), ai.djl.ndarray.types.DataType.FLOAT64);
            GradientProjector projector = new GradientProjector(() -> basis, null);
            ErrorRoute backprop = ErrorRoute.backprop();
            Param w = fc.weight();
            Map<String, Consumer<Void>> variants = new LinkedHashMap<>();
            variants.put("plain route (fine-tuning)", v -> step(fc, backprop, f -> f.apply(x), g));
            variants.put("projected rows, autograd bracket (before)",
                    v -> step(fc, bracket(backprop, projector), f -> f.apply(x), g));
            variants.put("projected rows, formed after backward (now)",
                    v -> step(fc, new ProjectedInputRoute(backprop, projector::projectRows), f -> f.apply(x), g));
            variants.put("gradient projected after backward", v -> {
                step(fc, backprop, f -> f.apply(x), g);
                projector.project(w.gradient(), false);
            });
            variants.put("measuring: gradient site (before)", v -> {
                step(fc, backprop, f -> f.apply(x), g);
                projector.project(w.gradient(), removedSum);
            });
            variants.put("measuring: projected rows (now)", v -> step(fc, new ProjectedInputRoute(backprop,
                    projector::projectRows, (full, removed) -> GradientProjector.addRemovedFraction(full, removed,
                            removedSum)), f -> f.apply(x), g));
            variants.put("OTTT trace, autograd bracket (before)", v -> step(fc, backprop,
                    f -> backprop.applyWithTrace(x, trace, w.value(), null, WeightOp.LINEAR,
                            TraceWeightGradient.AUTOGRAD), g));
            variants.put("OTTT trace, formed after backward (now)",
                    v -> step(fc, backprop, f -> f.applyWithTrace(x, trace), g));
            int calls = 20;
            int rounds = 9;
            Map<String, List<Double>> times = new LinkedHashMap<>();
            variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
            for (int round = -1; round < rounds; round++) {
                for (Map.Entry<String, Consumer<Void>> e : variants.entrySet()) {
                    long start = System.nanoTime();
                    for (int i = 0; i < calls; i++) {
                        try (StepScope scope = StepScope.open()) {
                            e.getValue().accept(null);
                            removedSum.getDouble(); // the step's end: everything queued has run
                        }
                    }
                    if (round >= 0) {
                        times.get(e.getKey()).add((System.nanoTime() - start) / 1e6 / calls);
                    }
                }
            }
            System.out.printf("one linear layer, R=%d rows, in=%d, out=%d, basis M=%d; %d rounds of %d steps%n",
                    r, in, out, m, rounds, calls);
            times.forEach((name, list) -> {
                double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(java.util.Locale.ROOT, "%-46s %7.3f ms  (%.3f–%.3f)%n", name,
                        sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
            });
        }
    }

    /** Zeroes the gradients, then forward, backward of {@code Σ g⊙y} and completion, with {@code route}. */
    private static void step(LinearLayer fc, ErrorRoute route, java.util.function.Function<LinearLayer, NDArray> apply,
                             NDArray g) {
        fc.setErrorRoute(route);
        fc.parameters().forEach(Param::zeroGradient);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(apply.apply(fc).mul(g).sum());
            fc.completeGradients();
        }
    }
}
