package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.plasticity.core.tensor.Constants;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The surrogate gradient functions Plasticity offers, chosen by name. Each takes one shape
 * parameter; the formulas follow SpikingJelly ({@code sigmoid}, {@code atan},
 * {@code piecewise-quadratic}, {@code erf}) and snnTorch/SuperSpike ({@code fast-sigmoid}).
 */
public final class Surrogates {
    private static final Map<String, BiFunction<Constants, Double, Surrogate>> REGISTRY = Map.of(
            "sigmoid", Sigmoid::new,
            "atan", Atan::new,
            "fast-sigmoid", FastSigmoid::new,
            "triangle", Triangle::new,
            "piecewise-quadratic", PiecewiseQuadratic::new,
            "erf", Erf::new);

    private Surrogates() {
    }

    /** Names accepted by {@link #create}. */
    public static List<String> names() {
        return REGISTRY.keySet().stream().sorted().toList();
    }

    /**
     * Builds a surrogate by name.
     *
     * @param name one of {@link #names()}
     * @param parameter its shape parameter (alpha, slope or width)
     * @param constants where its scalar operands are kept
     */
    public static Surrogate create(String name, double parameter, Constants constants) {
        var factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown surrogate '" + name + "'; known: " + names());
        }
        if (!(parameter > 0)) {
            throw new IllegalArgumentException("surrogate parameter must be > 0, got " + parameter);
        }
        return factory.apply(constants, parameter);
    }

    /** g(x) = α·σ(αx)·(1 − σ(αx)). */
    static final class Sigmoid extends Surrogate {
        private final double alpha;

        Sigmoid(Constants c, double alpha) {
            super(c);
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        protected NDArray derivative(NDArray x) {
            NDArray s = Activation.sigmoid(x.mul(c.of(alpha)));
            return s.mul(s.neg().add(c.of(1))).mul(c.of(alpha));
        }

        @Override
        public double derivative(double x) {
            double s = 1 / (1 + Math.exp(-alpha * x));
            return alpha * s * (1 - s);
        }
    }

    /** g(x) = (α/2) / (1 + (π/2·α·x)²). */
    static final class Atan extends Surrogate {
        private final double alpha;

        Atan(Constants c, double alpha) {
            super(c);
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "atan";
        }

        @Override
        protected NDArray derivative(NDArray x) {
            NDArray z = x.mul(c.of(Math.PI / 2 * alpha));
            return z.square().add(c.of(1)).pow(c.of(-1)).mul(c.of(alpha / 2));
        }

        @Override
        public double derivative(double x) {
            double z = Math.PI / 2 * alpha * x;
            return alpha / 2 / (1 + z * z);
        }
    }

    /** SuperSpike's fast sigmoid: g(x) = 1 / (1 + k·|x|)². */
    static final class FastSigmoid extends Surrogate {
        private final double slope;

        FastSigmoid(Constants c, double slope) {
            super(c);
            this.slope = slope;
        }

        @Override
        public String name() {
            return "fast-sigmoid";
        }

        @Override
        protected NDArray derivative(NDArray x) {
            return x.abs().mul(c.of(slope)).add(c.of(1)).pow(c.of(-2));
        }

        @Override
        public double derivative(double x) {
            double d = 1 + slope * Math.abs(x);
            return 1 / (d * d);
        }
    }

    /** Triangle of half-width w and unit area: g(x) = max(0, 1 − |x|/w) / w. */
    static final class Triangle extends Surrogate {
        private final double width;

        Triangle(Constants c, double width) {
            super(c);
            this.width = width;
        }

        @Override
        public String name() {
            return "triangle";
        }

        @Override
        protected NDArray derivative(NDArray x) {
            return x.abs().mul(c.of(-1 / width)).add(c.of(1)).maximum(c.of(0)).mul(c.of(1 / width));
        }

        @Override
        public double derivative(double x) {
            return Math.max(0, 1 - Math.abs(x) / width) / width;
        }
    }

    /** g(x) = max(0, α − α²·|x|) (zero for |x| > 1/α). */
    static final class PiecewiseQuadratic extends Surrogate {
        private final double alpha;

        PiecewiseQuadratic(Constants c, double alpha) {
            super(c);
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "piecewise-quadratic";
        }

        @Override
        protected NDArray derivative(NDArray x) {
            return x.abs().mul(c.of(-alpha * alpha)).add(c.of(alpha)).maximum(c.of(0));
        }

        @Override
        public double derivative(double x) {
            return Math.max(0, alpha - alpha * alpha * Math.abs(x));
        }
    }

    /** Derivative of the Gaussian error function surrogate: g(x) = α/√π · exp(−α²x²). */
    static final class Erf extends Surrogate {
        private final double alpha;

        Erf(Constants c, double alpha) {
            super(c);
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "erf";
        }

        @Override
        protected NDArray derivative(NDArray x) {
            return x.square().mul(c.of(-alpha * alpha)).exp().mul(c.of(alpha / Math.sqrt(Math.PI)));
        }

        @Override
        public double derivative(double x) {
            return alpha / Math.sqrt(Math.PI) * Math.exp(-alpha * alpha * x * x);
        }
    }
}
