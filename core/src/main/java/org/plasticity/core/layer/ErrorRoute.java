package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;

import java.util.SplittableRandom;

/**
 * How a weight layer sends the error to its input: exact backpropagation (through W), feedback
 * alignment (through a fixed random matrix B) or sign-symmetric feedback (through sign(W) scaled).
 * The value {@code x·Wᵀ + b} and the weight gradient {@code gᵀ·x} are the same in every route, so
 * gradient projection (HLOP, GPM) composes with each unchanged.
 *
 * <p>Without a custom backward, a route other than backprop is the composition
 * {@code sg(x)·Wᵀ + b + (x·Bᵀ − sg(x·Bᵀ))} (hlop.md §9): the bracket is exactly zero in value, the
 * first term gives W its gradient from x, and the bracket sends {@code g·B} to x. (For the data
 * layer the bracket's gradient is pruned by autograd; its forward product is the route's cost.)
 */
public abstract class ErrorRoute {
    /** The route's config name. */
    public abstract String name();

    /** {@code x·Wᵀ + b} for rows {@code x}, with this route's input gradient. */
    public NDArray apply(NDArray x, NDArray weight, NDArray bias) {
        return apply(x, weight, bias, WeightOp.LINEAR);
    }

    /** {@code op(x, W, b)} (a linear map in x and in W), with this route's input gradient. */
    public abstract NDArray apply(NDArray x, NDArray weight, NDArray bias, WeightOp op);

    /**
     * OTTT's layer (hlop.md §9): value {@code x·Wᵀ + b} computed from the spikes x, weight gradient
     * {@code gᵀ·â} from the presynaptic trace â, input gradient through this route:
     * {@code sg(x·Wᵀ) + b + (x·Fᵀ − sg(x·Fᵀ)) + (sg(â)·Wᵀ − sg(â·Wᵀ))} with F = W (backprop) or B.
     */
    public NDArray applyWithTrace(NDArray x, NDArray trace, NDArray weight, NDArray bias) {
        return applyWithTrace(x, trace, weight, bias, WeightOp.LINEAR);
    }

    /** {@link #applyWithTrace(NDArray, NDArray, NDArray, NDArray)} for any weight op (a convolution). */
    public NDArray applyWithTrace(NDArray x, NDArray trace, NDArray weight, NDArray bias, WeightOp op) {
        return applyWithTrace(x, trace, weight, bias, op, TraceWeightGradient.AUTOGRAD);
    }

    /**
     * {@link #applyWithTrace(NDArray, NDArray, NDArray, NDArray, WeightOp)} with the weight gradient {@code gᵀ·â}
     * given by {@code weightGradient} (a linear layer defers it past the backward pass: {@link DeferredWeightGradient}).
     * Without recording (evaluation) the value alone.
     */
    public NDArray applyWithTrace(NDArray x, NDArray trace, NDArray weight, NDArray bias, WeightOp op,
                                  TraceWeightGradient weightGradient) {
        NDArray feedback = feedback(weight);
        // the bias goes through the op: a plain add would broadcast it wrongly for a convolution
        NDArray out;
        if (feedback == null) {
            out = op.apply(x, weight.stopGradient(), bias);
        } else {
            NDArray throughB = op.apply(x, feedback, null);
            out = op.apply(x.stopGradient(), weight.stopGradient(), bias)
                    .add(throughB.sub(throughB.stopGradient()));
        }
        return Gradients.recording() ? weightGradient.attach(out, trace, weight, op) : out;
    }

    /**
     * After a backward pass through the route's applications: adds to the weight's gradient what the route forms
     * outside autograd ({@link ProjectedInputRoute}), and forgets the applications. The routes that leave the weight
     * gradient to autograd do nothing. Called once after every backward pass ({@link WeightLayer#completeGradients}).
     */
    public void completeGradients() {
    }

    /** The feedback matrix used for the input gradient, or null for backprop (for tests). */
    public abstract NDArray feedback(NDArray weight);

    /** Exact backpropagation. */
    public static ErrorRoute backprop() {
        return Backprop.INSTANCE;
    }

    /**
     * Feedback alignment with a fixed random {@code B [out, in]}, initialised as the reference does
     * ({@code kaiming_uniform_(a=√5)}: uniform in ±1/√in), drawn from {@code random}.
     */
    public static ErrorRoute feedbackAlignment(int in, int out, NDManager manager, SplittableRandom random) {
        return feedbackAlignment(new Shape(out, in), in, manager, random);
    }

    /**
     * Feedback alignment for a weight of any shape (a conv kernel {@code [out, C, k, k]}), uniform in
     * {@code ±1/√fanIn}.
     */
    public static ErrorRoute feedbackAlignment(Shape weightShape, int fanIn, NDManager manager,
                                               SplittableRandom random) {
        float[] values = new float[Math.toIntExact(weightShape.size())];
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return new FeedbackAlignment(StepScope.keep(manager.create(values, weightShape)));
    }

    /** Sign-symmetric feedback {@code B = sign(W)·(1/√in)}, recomputed at every forward (reference scale for linear layers). */
    public static ErrorRoute signSymmetric(int in, Constants c) {
        return signSymmetricScaled(1.0 / Math.sqrt(in), c);
    }

    /** Sign-symmetric feedback {@code B = sign(W)·scale} (a convolution's scale is {@code √(2/(k²·C_out))}). */
    public static ErrorRoute signSymmetricScaled(double scale, Constants c) {
        return new SignSymmetric(scale, c);
    }

    /** The composition shared by the non-backprop routes. */
    static NDArray throughFeedback(NDArray x, NDArray weight, NDArray bias, NDArray feedback, WeightOp op) {
        NDArray out = op.apply(x.stopGradient(), weight, bias);
        NDArray viaB = op.apply(x, feedback, null);
        return out.add(viaB.sub(viaB.stopGradient()));
    }

    private static final class Backprop extends ErrorRoute {
        static final Backprop INSTANCE = new Backprop();

        @Override
        public String name() {
            return "backprop";
        }

        @Override
        public NDArray apply(NDArray x, NDArray weight, NDArray bias, WeightOp op) {
            return op.apply(x, weight, bias);
        }

        @Override
        public NDArray feedback(NDArray weight) {
            return null;
        }
    }

    private static final class FeedbackAlignment extends ErrorRoute {
        private final NDArray b;

        FeedbackAlignment(NDArray b) {
            this.b = b;
        }

        @Override
        public String name() {
            return "feedback-alignment";
        }

        @Override
        public NDArray apply(NDArray x, NDArray weight, NDArray bias, WeightOp op) {
            return throughFeedback(x, weight, bias, b, op);
        }

        @Override
        public NDArray feedback(NDArray weight) {
            return b;
        }
    }

    private static final class SignSymmetric extends ErrorRoute {
        private final double scale;
        private final Constants c;

        SignSymmetric(double scale, Constants c) {
            this.scale = scale;
            this.c = c;
        }

        @Override
        public String name() {
            return "sign-symmetric";
        }

        @Override
        public NDArray apply(NDArray x, NDArray weight, NDArray bias, WeightOp op) {
            return throughFeedback(x, weight, bias, feedback(weight), op);
        }

        @Override
        public NDArray feedback(NDArray weight) {
            return weight.stopGradient().sign().mul(c.of(scale));
        }
    }
}
