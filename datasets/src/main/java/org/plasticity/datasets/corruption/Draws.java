package org.plasticity.datasets.corruption;

import java.util.SplittableRandom;

/**
 * The random numbers of one image, drawn from one {@link SplittableRandom} with numpy's formulas:
 * {@code uniform(a, b) = a + (b − a)·U}, {@code integer(a, b)} uniform on {@code a..b−1} (numpy's
 * {@code randint}, upper bound exclusive). Standard normals come from Marsaglia's polar method:
 * draw {@code u, v ~ U(−1, 1)} until {@code 0 < s = u² + v² < 1}, then {@code u·m} and
 * {@code v·m} with {@code m = √(−2 ln s / s)} are two independent N(0, 1) values, used in that
 * order. Poisson values come from {@link PoissonSampler}.
 */
final class Draws {

    private final SplittableRandom random;
    private double spareNormal;
    private boolean hasSpare;

    Draws(SplittableRandom random) {
        this.random = random;
    }

    /** @return U on [0, 1) with 53 random bits */
    double uniform() {
        return random.nextDouble();
    }

    /** @return numpy's {@code uniform(low, high)}: {@code low + (high − low)·U} */
    double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** @return a uniform integer in {@code low..highExclusive−1}, like numpy's {@code randint} */
    int integer(int low, int highExclusive) {
        return low + random.nextInt(highExclusive - low);
    }

    /** @return a standard normal value (polar method, both values of each pair used) */
    double normal() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareNormal = v * m;
        hasSpare = true;
        return u * m;
    }

    /** @return numpy's {@code normal(loc, scale)}: {@code loc + scale·N(0, 1)} */
    double normal(double loc, double scale) {
        return loc + scale * normal();
    }

    /**
     * @param mean the Poisson mean, ≥ 0
     * @return an exact Poisson sample
     */
    long poisson(double mean) {
        return PoissonSampler.sample(this, mean);
    }
}
