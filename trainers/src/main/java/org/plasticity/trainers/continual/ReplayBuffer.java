package org.plasticity.trainers.continual;

import java.util.random.RandomGenerator;

/**
 * A bounded buffer of past training samples (indices into the run's sample universe) for
 * experience replay. Which samples it keeps is the policy's business; every draw comes from the
 * random generator the caller passes, so a buffer is a pure function of what it was given.
 */
public interface ReplayBuffer {
    /** Offers one new sample of class {@code classKey}; the buffer may keep it, replacing another. */
    void offer(int sample, long classKey, RandomGenerator random);

    /** Samples held. */
    int size();

    /** The most samples it may hold. */
    int capacity();

    /** A copy of the held samples, in storage order. */
    int[] contents();

    /**
     * Draws {@code k} held samples uniformly without replacement (all of them when fewer are
     * held), in random order.
     */
    default int[] draw(int k, RandomGenerator random) {
        int[] pool = contents();
        int n = Math.min(k, pool.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.length - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        return java.util.Arrays.copyOf(pool, n);
    }

    /** The state as numbers, for checkpoints. */
    long[] state();

    /** Restores what {@link #state} returned. */
    void restore(long[] state);

    /** The buffer a policy name ({@code reservoir} or {@code class-balanced}) describes. */
    static ReplayBuffer of(String policy, int capacity) {
        return switch (policy) {
            case "reservoir" -> new ReservoirBuffer(capacity);
            case "class-balanced" -> new ClassBalancedBuffer(capacity);
            default -> throw new IllegalArgumentException("unknown replay buffer policy " + policy);
        };
    }
}
