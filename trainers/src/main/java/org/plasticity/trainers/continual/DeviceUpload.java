package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Split;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies whole splits to the device once, for features that stay resident there (training batches
 * gathered by index, evaluation batches sliced). The rows travel in chunks of {@value #CHUNK_ROWS}
 * through one reused direct buffer, so no copy of the whole split is made on the host and the
 * launcher's cap on direct memory is never approached; each chunk is copied into the device tensor
 * before the buffer is refilled.
 */
final class DeviceUpload {
    static final int CHUNK_ROWS = 1024;

    private DeviceUpload() {
    }

    /** Bytes the features of {@code rows} samples of {@code dim} float32 features take. */
    static long featureBytes(long rows, int dim) {
        return rows * dim * Float.BYTES;
    }

    /** A new device tensor {@code [rows, dim]} (uninitialised) for {@link #copyInto} to fill. */
    static NDArray features(NDManager manager, long rows, int dim) {
        return StepScope.keep(manager.create(new Shape(rows, dim), DataType.FLOAT32));
    }

    /** Copies every sample of {@code split} into rows {@code [at, at + split.size())} of {@code target}. */
    static void copyInto(NDArray target, long at, Split split) {
        int dim = split.dim();
        int n = split.size();
        int chunk = Math.min(CHUNK_ROWS, Math.max(n, 1));
        float[] values = new float[chunk * dim];
        int[] rows = new int[chunk];
        ByteBuffer direct = ByteBuffer.allocateDirect(chunk * dim * Float.BYTES).order(ByteOrder.nativeOrder());
        for (int from = 0; from < n; from += chunk) {
            int count = Math.min(chunk, n - from);
            for (int i = 0; i < count; i++) {
                rows[i] = from + i;
            }
            split.gather(rows, 0, count, values);
            direct.clear();
            direct.asFloatBuffer().put(values, 0, count * dim);
            direct.limit(count * dim * Float.BYTES);
            try (StepScope scope = StepScope.open()) {
                NDArray part = target.getManager().create(direct, new Shape(count, dim), DataType.FLOAT32);
                target.set(new NDIndex("{}:{}", at + from, at + from + count), part);
            }
        }
    }

    /** The labels of {@code split}, in sample order, as an int64 device tensor. */
    static NDArray labels(NDManager manager, Split split) {
        int[] labels = split.labels();
        long[] wide = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            wide[i] = labels[i];
        }
        return StepScope.keep(manager.create(wide));
    }
}
