package org.plasticity.datasets.formats;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A numpy array as read from a {@code .npy} file or a pickle: element type, shape and the raw
 * element bytes in C order (last index fastest), in the type's byte order.
 *
 * @param dtype element type
 * @param shape dimensions (copied)
 * @param data raw element bytes, {@code product(shape) * dtype.size()} of them (not copied)
 */
public record NdArray(NumpyDtype dtype, long[] shape, byte[] data) {

    /** Checks that the data length matches the shape. */
    public NdArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = Objects.requireNonNull(shape, "shape").clone();
        Objects.requireNonNull(data, "data");
        long elements = elements(shape);
        if (elements * dtype.size() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of "
                    + dtype.numpyName() + " needs " + elements * dtype.size() + " bytes, found "
                    + data.length);
        }
    }

    /**
     * @param shape dimensions, all non-negative
     * @return their product
     * @throws IllegalArgumentException for a negative dimension or a product above 2^62
     */
    public static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** @return a copy of the dimensions */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return number of elements */
    public long size() {
        return data.length / dtype.size();
    }

    /** @return the shape as numpy prints it, e.g. {@code (50000, 32, 32, 3)} */
    public String shapeText() {
        return shapeText(shape);
    }

    /**
     * @param shape dimensions
     * @return them as numpy prints a shape, e.g. {@code (50000, 32, 32, 3)} or {@code (10,)}
     */
    public static String shapeText(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * @return every element as a long, in C order
     * @throws IllegalArgumentException if the type is not an integer type
     */
    public long[] longs() {
        if (!dtype.isInteger()) {
            throw new IllegalArgumentException("expected integers, found " + dtype.numpyName());
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(dtype.order());
        long[] out = new long[Math.toIntExact(size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (dtype.size()) {
                case 1 -> data[i] & 0xFF;
                case 4 -> b.getInt(4 * i);
                default -> b.getLong(8 * i);
            };
        }
        return out;
    }

    /**
     * @return every element as a float, in C order
     * @throws IllegalArgumentException if the type is not float32
     */
    public float[] floats() {
        if (dtype.isInteger()) {
            throw new IllegalArgumentException("expected float32, found " + dtype.numpyName());
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(dtype.order());
        float[] out = new float[Math.toIntExact(size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat(4 * i);
        }
        return out;
    }
}
