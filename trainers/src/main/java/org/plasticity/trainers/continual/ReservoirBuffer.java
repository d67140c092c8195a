package org.plasticity.trainers.continual;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Reservoir sampling (Vitter's algorithm R): after n offers, the buffer holds a uniform random
 * subset of size {@code min(n, capacity)} of everything offered.
 */
public final class ReservoirBuffer implements ReplayBuffer {
    private final int[] items;
    private int size;
    private long seen;

    public ReservoirBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.items = new int[capacity];
    }

    @Override
    public void offer(int sample, long classKey, RandomGenerator random) {
        seen++;
        if (size < items.length) {
            items[size++] = sample;
        } else {
            long j = random.nextLong(seen);
            if (j < items.length) {
                items[(int) j] = sample;
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int capacity() {
        return items.length;
    }

    @Override
    public int[] contents() {
        return Arrays.copyOf(items, size);
    }

    /** Samples offered so far. */
    public long seen() {
        return seen;
    }

    @Override
    public long[] state() {
        long[] state = new long[2 + size];
        state[0] = size;
        state[1] = seen;
        for (int i = 0; i < size; i++) {
            state[2 + i] = items[i];
        }
        return state;
    }

    @Override
    public void restore(long[] state) {
        size = (int) state[0];
        seen = state[1];
        if (size > items.length || state.length != 2 + size) {
            throw new IllegalArgumentException("reservoir state of " + state.length + " numbers does not fit capacity "
                    + items.length);
        }
        for (int i = 0; i < size; i++) {
            items[i] = (int) state[2 + i];
        }
    }
}
