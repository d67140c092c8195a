package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.core.tensor.TorchRuntime;
import org.plasticity.datasets.scenario.Split;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches gathered on the device are the host path's batches, float for float. */
class DeviceBatchesTest {
    private static final int DIM = 5;
    private NDManager manager;
    private TrainingSet set;

    @BeforeEach
    void open() {
        TorchRuntime.start(1, 3);
        manager = NDManager.newBaseManager();
        Random random = new Random(11);
        // source 0 spans two upload chunks; source 1 is a permuted view of other data; source 2 has its own head
        Split first = split(DeviceUpload.CHUNK_ROWS + 76, random);
        Split second = split(40, random).permuted(new int[] {4, 2, 0, 1, 3});
        Split third = split(20, random);
        set = new TrainingSet(List.of(new TrainingSet.Source(first, 0, 10), new TrainingSet.Source(second, 0, 10),
                new TrainingSet.Source(third, 1, 10)));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static Split split(int n, Random random) {
        float[] base = new float[n * DIM];
        int[] labels = new int[n];
        for (int i = 0; i < base.length; i++) {
            base[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(10);
        }
        return Split.of(base, DIM, labels);
    }

    private static int[] shuffled(int[] samples, long seed) {
        int[] order = ContinualTrainer.order(samples.length, true, seed);
        int[] out = new int[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[order[i]];
        }
        return out;
    }

    private static void assertSameBatch(Batch expected, Batch actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.x().getShape(), actual.x().getShape());
        assertArrayEquals(expected.x().toFloatArray(), actual.x().toFloatArray(), 0f);
        assertEquals(expected.targets().size(), actual.targets().size());
        for (int h = 0; h < expected.targets().size(); h++) {
            assertEquals(expected.targets().get(h).head(), actual.targets().get(h).head());
            assertEquals(expected.targets().get(h).oneHot().getShape(), actual.targets().get(h).oneHot().getShape());
            assertArrayEquals(expected.targets().get(h).oneHot().toFloatArray(),
                    actual.targets().get(h).oneHot().toFloatArray(), 0f);
        }
    }

    /** Compares every batch of size 16 over {@code sequence}, with {@code extras} added to batch 1. */
    private void assertSameEpoch(BatchSource device, int[] sequence, int[] extras) {
        BatchAssembler host = new BatchAssembler(set, manager);
        device.startEpoch(sequence);
        host.startEpoch(sequence);
        for (int from = 0; from < sequence.length; from += 16) {
            int count = Math.min(16, sequence.length - from);
            int[] add = from == 16 ? extras : ContinualPlugin.NO_SAMPLES;
            try (StepScope scope = StepScope.open()) {
                assertSameBatch(host.batch(from, count, add), device.batch(from, count, add));
            }
        }
    }

    @Test
    void residentTasksGiveTheHostBatchesExactly() {
        int[] pool = ContinualTrainer.concat(set.indicesOf(0), set.indicesOf(1));
        try (BatchSource device = DeviceBatches.of(set, List.of(0, 1), manager, Long.MAX_VALUE)) {
            DeviceBatches resident = assertInstanceOf(DeviceBatches.class, device);
            int[] sequence = shuffled(pool, 5);
            assertSameEpoch(device, sequence, ContinualPlugin.NO_SAMPLES);
            assertTrue(resident.resident(), "the epoch is gathered on the device");
            assertTrue(sequence.length % 16 != 0, "the last batch is a partial one");
        }
    }

    @Test
    void extraSamplesAndSamplesOutsideTheResidentTasksComeFromTheHost() {
        try (BatchSource device = DeviceBatches.of(set, List.of(1), manager, Long.MAX_VALUE)) {
            DeviceBatches resident = assertInstanceOf(DeviceBatches.class, device);
            int[] replayed = {3, set.globalIndex(2, 7), 1000};
            assertSameEpoch(device, shuffled(set.indicesOf(1), 6), replayed);
            assertTrue(resident.resident());
            assertSameEpoch(device, shuffled(ContinualTrainer.concat(set.indicesOf(1), new int[] {0}), 7),
                    ContinualPlugin.NO_SAMPLES);
            assertFalse(resident.resident(), "sample 0 of source 0 is not resident");
        }
    }

    @Test
    void tasksBeyondTheBudgetOrWithSeveralHeadsStayOnTheHost() {
        long bytes = DeviceUpload.featureBytes(set.sources().get(0).split().size() + 40L, DIM);
        try (BatchSource fits = DeviceBatches.of(set, List.of(0, 1), manager, bytes);
             BatchSource over = DeviceBatches.of(set, List.of(0, 1), manager, bytes - 1);
             BatchSource heads = DeviceBatches.of(set, List.of(1, 2), manager, Long.MAX_VALUE);
             BatchSource off = DeviceBatches.of(set, List.of(1), manager, 0)) {
            assertInstanceOf(DeviceBatches.class, fits);
            assertInstanceOf(BatchAssembler.class, over);
            assertInstanceOf(BatchAssembler.class, heads);
            assertInstanceOf(BatchAssembler.class, off);
        }
    }
}
