package org.plasticity.core.state;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.tensor.EngineFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointStoreTest extends EngineFixture {
    @TempDir
    Path dir;

    private Checkpoint sample(float scale) {
        Checkpoint c = new Checkpoint();
        c.putTensor("w", manager.create(new float[] {1.5f * scale, -2f, Float.MIN_VALUE, 7f}, new Shape(2, 2)));
        c.putLongs("position", 3, 4, Long.MAX_VALUE);
        c.putDoubles("sums", 0.1, Double.NaN, -0.0, 1e-300);
        c.putString("records", "[{\"task\":0}] ünïcode");
        return c;
    }

    @Test
    void everyKindRoundTripsBitExactly() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        store.save(sample(1));
        Checkpoint c = store.latest().orElseThrow();
        NDArray w = c.tensor("w", manager);
        // restored tensors own their storage: garbage collection must not touch them
        for (int i = 0; i < 5; i++) {
            byte[][] garbage = new byte[200][];
            for (int j = 0; j < garbage.length; j++) {
                garbage[j] = new byte[100_000];
            }
            System.gc();
        }
        assertArrayEquals(new float[] {1.5f, -2f, Float.MIN_VALUE, 7f}, w.toFloatArray(), 0f);
        assertEquals(new Shape(2, 2), w.getShape());
        assertArrayEquals(new long[] {3, 4, Long.MAX_VALUE}, c.longs("position"));
        double[] sums = c.doubles("sums");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(sums[2]));
        assertTrue(Double.isNaN(sums[1]));
        assertEquals(1e-300, sums[3]);
        assertEquals("[{\"task\":0}] ünïcode", c.string("records"));
    }

    @Test
    void aNewCheckpointReplacesTheOldOnlyWhenComplete() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        store.save(sample(1));
        Path second = store.save(sample(2));
        assertEquals(1, store.files().size(), "the previous one is removed after the new one is in place");
        assertEquals(second, store.files().get(0));
        // a crash while writing leaves only a temporary file, which is ignored
        Files.write(dir.resolve(".checkpoint-3.ckpt.tmp"), new byte[] {1, 2, 3});
        assertEquals(3f, store.latest().orElseThrow().tensor("w", manager).toFloatArray()[0], 0f);
    }

    @Test
    void aDamagedCheckpointIsNeverLoaded() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Path file = store.save(sample(1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
        assertEquals(Optional.empty(), store.latest());
        Files.write(file, new byte[10]);
        assertEquals(Optional.empty(), store.latest());
        // an older intact file is used when the newest is damaged
        Files.write(dir.resolve("checkpoint-0.ckpt"), Files.readAllBytes(new CheckpointStore(dir.resolve("x")).save(sample(5))));
        assertEquals(7.5f, store.latest().orElseThrow().tensor("w", manager).toFloatArray()[0], 0f);
    }
}
