package org.plasticity.trainers.continual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A class-balanced buffer: the capacity is shared equally among the classes seen so far (the
 * remainder going to the classes with the smallest keys), and each class keeps a uniform random
 * subset of its offered samples by reservoir sampling. When a new class arrives the shares shrink
 * and every class drops random samples down to its share, which keeps each class's subset uniform.
 */
public final class ClassBalancedBuffer implements ReplayBuffer {
    private final int capacity;
    private final TreeMap<Long, ClassSlot> classes = new TreeMap<>();

    private static final class ClassSlot {
        final List<Integer> items = new ArrayList<>();
        long seen;
    }

    public ClassBalancedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void offer(int sample, long classKey, RandomGenerator random) {
        ClassSlot slot = classes.get(classKey);
        if (slot == null) {
            slot = new ClassSlot();
            classes.put(classKey, slot);
            shrinkToShares(random);
        }
        slot.seen++;
        int share = shareOf(classKey);
        if (slot.items.size() < share) {
            slot.items.add(sample);
        } else if (share > 0) {
            long j = random.nextLong(slot.seen);
            if (j < share) {
                slot.items.set((int) j, sample);
            }
        }
    }

    /** The share of a class: capacity / classes, plus one for the first (capacity mod classes) keys. */
    int shareOf(long classKey) {
        int n = classes.size();
        int rank = classes.headMap(classKey).size();
        return capacity / n + (rank < capacity % n ? 1 : 0);
    }

    private void shrinkToShares(RandomGenerator random) {
        for (Map.Entry<Long, ClassSlot> e : classes.entrySet()) {
            List<Integer> items = e.getValue().items;
            int share = shareOf(e.getKey());
            while (items.size() > share) {
                int drop = random.nextInt(items.size());
                items.set(drop, items.get(items.size() - 1));
                items.remove(items.size() - 1);
            }
        }
    }

    @Override
    public int size() {
        return classes.values().stream().mapToInt(s -> s.items.size()).sum();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int[] contents() {
        return classes.values().stream().flatMap(s -> s.items.stream()).mapToInt(Integer::intValue).toArray();
    }

    /** Samples held of one class. */
    public int sizeOf(long classKey) {
        ClassSlot slot = classes.get(classKey);
        return slot == null ? 0 : slot.items.size();
    }

    @Override
    public long[] state() {
        List<Long> out = new ArrayList<>();
        out.add((long) classes.size());
        for (Map.Entry<Long, ClassSlot> e : classes.entrySet()) {
            out.add(e.getKey());
            out.add(e.getValue().seen);
            out.add((long) e.getValue().items.size());
            e.getValue().items.forEach(i -> out.add((long) i));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void restore(long[] state) {
        classes.clear();
        int at = 0;
        long n = state[at++];
        for (long c = 0; c < n; c++) {
            ClassSlot slot = new ClassSlot();
            long key = state[at++];
            slot.seen = state[at++];
            long count = state[at++];
            for (long i = 0; i < count; i++) {
                slot.items.add((int) state[at++]);
            }
            classes.put(key, slot);
        }
    }
}
