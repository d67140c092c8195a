package org.plasticity.core.neuron;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SurrogateTest extends EngineFixture {

    private static float[] grid() {
        float[] x = new float[401];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2f + i * 0.01f;
        }
        x[200] = 0f; // exactly at the threshold
        return x;
    }

    @ParameterizedTest(name = "{0}({1})")
    @CsvSource({"sigmoid,4", "atan,2", "fast-sigmoid,25", "triangle,1", "piecewise-quadratic,1", "erf,2",
            "sigmoid,1.5", "triangle,0.5"})
    void forwardIsExactlyHeavisideAndBackwardIsTheAnalyticDerivative(String name, double p) {
        Surrogate s = Surrogates.create(name, p, c);
        float[] xs = grid();
        float[] upstream = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            upstream[i] = 0.5f + (i % 7) * 0.25f;
        }
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(xs, new Shape(xs.length));
            x.setRequiresGradient(true);
            NDArray spikes;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                spikes = s.spike(x);
                gc.backward(spikes.mul(manager.create(upstream)).sum());
            }
            float[] out = spikes.toFloatArray();
            float[] grad = x.getGradient().toFloatArray();
            for (int i = 0; i < xs.length; i++) {
                assertEquals(xs[i] >= 0 ? 1f : 0f, out[i], 0f, "forward at x=" + xs[i]);
                double expected = upstream[i] * s.derivative(xs[i]);
                assertEquals(expected, grad[i], 1e-5 * Math.max(1, Math.abs(expected)), name + " grad at x=" + xs[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0}({1}) area {2}")
    @CsvSource({"sigmoid,4,1", "atan,2,1", "fast-sigmoid,25,0.08", "triangle,1,1", "piecewise-quadratic,1,1", "erf,2,1"})
    void derivativeHasTheKnownArea(String name, double p, double area) {
        Surrogate s = Surrogates.create(name, p, c);
        double sum = 0;
        double h = 1e-3;
        for (double x = -200; x <= 200; x += h) {
            sum += s.derivative(x) * h;
        }
        assertEquals(area, sum, 0.01 * area + 2e-3, name);
    }
}
