package org.plasticity.trainers.continual;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experience-replay buffers: bounded, uniform (chi-square with a fixed seed), class-balanced, restorable. */
class ReplayBufferTest {

    @Test
    void reservoirNeverExceedsItsSizeAndKeepsEverythingUntilFull() {
        ReservoirBuffer buffer = new ReservoirBuffer(50);
        Random random = new Random(1);
        for (int i = 0; i < 30; i++) {
            buffer.offer(i, 0, random);
        }
        assertEquals(30, buffer.size());
        assertArrayEquals(java.util.stream.IntStream.range(0, 30).toArray(), buffer.contents());
        for (int i = 30; i < 5000; i++) {
            buffer.offer(i, 0, random);
            assertTrue(buffer.size() <= 50);
        }
        assertEquals(50, buffer.size());
        assertEquals(5000, buffer.seen());
        assertEquals(50, Arrays.stream(buffer.contents()).distinct().count(), "no sample is held twice");
    }

    /**
     * Over many independent streams of 200 samples into 20 slots, every sample ends up held with
     * probability 1/10. Pearson's statistic over the 200 inclusion counts has 199 degrees of
     * freedom; 270 is its 99.9th percentile. A buffer that favoured early or late samples (keep the
     * first 20, or always replace a random slot) scores in the thousands.
     */
    @Test
    void reservoirSamplingIsUniformOverTheStream() {
        int n = 200;
        int capacity = 20;
        int trials = 4000;
        long[] held = new long[n];
        Random random = new Random(2022);
        for (int t = 0; t < trials; t++) {
            ReservoirBuffer buffer = new ReservoirBuffer(capacity);
            for (int i = 0; i < n; i++) {
                buffer.offer(i, 0, random);
            }
            for (int s : buffer.contents()) {
                held[s]++;
            }
        }
        double expected = (double) trials * capacity / n;
        double chi2 = 0;
        for (long h : held) {
            chi2 += (h - expected) * (h - expected) / expected;
        }
        assertTrue(chi2 < 270, "chi-square " + chi2 + " over 199 degrees of freedom");
        assertTrue(Math.abs(held[0] - expected) < 5 * Math.sqrt(expected) && Math.abs(held[n - 1] - expected)
                < 5 * Math.sqrt(expected), "first and last samples held as often as any: " + held[0] + ", " + held[n - 1]);
    }

    @Test
    void drawsAreWithoutReplacementFromTheHeldSamples() {
        ReservoirBuffer buffer = new ReservoirBuffer(30);
        Random random = new Random(5);
        for (int i = 0; i < 100; i++) {
            buffer.offer(i, 0, random);
        }
        int[] held = buffer.contents();
        int[] drawn = buffer.draw(20, random);
        assertEquals(20, drawn.length);
        assertEquals(20, Arrays.stream(drawn).distinct().count());
        assertTrue(Arrays.stream(drawn).allMatch(d -> Arrays.stream(held).anyMatch(h -> h == d)));
        assertEquals(30, buffer.draw(64, random).length, "asking for more than is held gives everything");
    }

    @Test
    void classBalancedSharesTheCapacityEquallyAmongClassesSeen() {
        ClassBalancedBuffer buffer = new ClassBalancedBuffer(100);
        Random random = new Random(7);
        // a stream dominated by class 0, then classes 1..4 arrive
        for (int i = 0; i < 1000; i++) {
            buffer.offer(i, 0, random);
        }
        assertEquals(100, buffer.sizeOf(0));
        for (int i = 1000; i < 3000; i++) {
            buffer.offer(i, 1 + (i % 4), random);
            assertTrue(buffer.size() <= 100);
        }
        for (long c = 0; c < 5; c++) {
            assertEquals(20, buffer.sizeOf(c), "class " + c);
        }
        ClassBalancedBuffer odd = new ClassBalancedBuffer(7);
        for (int i = 0; i < 60; i++) {
            odd.offer(i, i % 3, random);
        }
        assertEquals(3, odd.sizeOf(0));
        assertEquals(2, odd.sizeOf(1));
        assertEquals(2, odd.sizeOf(2));
    }

    /** Within a class, the kept samples stay a uniform subset even after shares shrink. */
    @Test
    void classBalancedIsUniformWithinEachClass() {
        long[] held = new long[100];
        Random random = new Random(11);
        int trials = 3000;
        for (int t = 0; t < trials; t++) {
            ClassBalancedBuffer buffer = new ClassBalancedBuffer(20);
            for (int i = 0; i < 100; i++) {
                buffer.offer(i, 0, random);
            }
            for (int i = 100; i < 200; i++) {
                buffer.offer(i, 1, random);
            }
            for (int s : buffer.contents()) {
                if (s < 100) {
                    held[s]++;
                }
            }
        }
        double expected = trials * 10 / 100.0;
        double chi2 = 0;
        for (long h : held) {
            chi2 += (h - expected) * (h - expected) / expected;
        }
        assertTrue(chi2 < 149, "chi-square " + chi2 + " over 99 degrees of freedom (99.9th percentile 149)");
    }

    @Test
    void stateRoundTrips() {
        Random random = new Random(3);
        for (String policy : new String[] {"reservoir", "class-balanced"}) {
            ReplayBuffer a = ReplayBuffer.of(policy, 40);
            for (int i = 0; i < 500; i++) {
                a.offer(i, i % 7, random);
            }
            ReplayBuffer b = ReplayBuffer.of(policy, 40);
            b.restore(a.state());
            assertArrayEquals(a.contents(), b.contents(), policy);
            Random r1 = new Random(9);
            Random r2 = new Random(9);
            for (int i = 500; i < 700; i++) {
                a.offer(i, i % 7, r1);
                b.offer(i, i % 7, r2);
            }
            assertArrayEquals(a.contents(), b.contents(), policy + " continues identically");
        }
    }
}
