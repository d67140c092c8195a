package org.plasticity.datasets.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonSamplerTest {

    private static final int N = 200_000;

    /** Mean, variance and third central moment of a Poisson law all equal λ; a normal approximation has no skew. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 3, 9.5, 10, 30, 100, 250, 500})
    void momentsMatchThePoissonLaw(double lambda) {
        Draws draws = new Draws(new SplittableRandom(Double.doubleToLongBits(lambda)));
        long[] k = new long[N];
        double sum = 0;
        for (int i = 0; i < N; i++) {
            k[i] = draws.poisson(lambda);
            sum += k[i];
        }
        double mean = sum / N;
        double m2 = 0;
        double m3 = 0;
        for (long v : k) {
            double d = v - lambda;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= N;
        m3 /= N;
        assertEquals(lambda, mean, 5 * Math.sqrt(lambda / N), "mean");
        assertEquals(lambda, m2, 5 * Math.sqrt((lambda + 2 * lambda * lambda) / N), "variance");
        // Var of the third-moment estimate: μ6 − μ3² ≈ 15λ³ + 25λ² + λ for a Poisson law
        assertEquals(lambda, m3, 5 * Math.sqrt((15 * Math.pow(lambda, 3) + 25 * lambda * lambda + lambda) / N), "third moment");
    }

    @Test
    void probabilityOfTheModeMatchesThePmfForLargeMeans() {
        for (double lambda : new double[] {30, 500}) {
            Draws draws = new Draws(new SplittableRandom(5));
            long mode = (long) Math.floor(lambda);
            int hits = 0;
            for (int i = 0; i < N; i++) {
                hits += draws.poisson(lambda) == mode ? 1 : 0;
            }
            double p = Math.exp(-lambda + mode * Math.log(lambda) - PoissonSampler.logFactorial(mode));
            assertEquals(p, hits / (double) N, 5 * Math.sqrt(p * (1 - p) / N), "P(X = mode) for " + lambda);
        }
    }

    @Test
    void logFactorialMatchesTheSumOfLogarithms() {
        double sum = 0;
        for (int k = 1; k <= 700; k++) {
            sum += Math.log(k);
            assertEquals(sum, PoissonSampler.logFactorial(k), 1e-12 * Math.max(1, sum), "ln " + k + "!");
        }
        assertEquals(0, PoissonSampler.logFactorial(0));
        assertEquals(0, new Draws(new SplittableRandom(1)).poisson(0));
    }
}
