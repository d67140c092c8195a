package org.plasticity.datasets.formats;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDictConstructor;

/**
 * The pickle library's unpickler taught numpy's pickled forms, per instance (the library's own
 * registry of constructors is global, so it is left alone): an {@code ndarray} pickled through
 * {@code numpy.core.multiarray._reconstruct} plus a {@code __setstate__} tuple (protocols 0–4), or
 * through {@code numpy.core.numeric._frombuffer(buffer, dtype, shape, order)} (protocol 5, in-band
 * buffer), its {@code numpy.dtype}, and numpy scalars ({@code numpy.core.multiarray.scalar}).
 * numpy 2 spells the modules {@code numpy._core.*}; both spellings are accepted. Arrays come out
 * as {@link PickledArray}, converted to an {@link NdArray} only when asked for, so an array of
 * another dtype elsewhere in a file does not stop the file from being read.
 */
final class NumpyUnpickler extends Unpickler {

    private static final IObjectConstructor RECONSTRUCT = args -> new PickledArray();
    private static final IObjectConstructor DTYPE = args -> new PickledArray.Dtype(text(args[0]));
    private static final IObjectConstructor FROM_BUFFER = args -> PickledArray.fromBuffer(
            bytes(args[0]), (PickledArray.Dtype) args[1], (Object[]) args[2], text(args[3]));
    private static final IObjectConstructor SCALAR = NumpyUnpickler::scalar;

    private static final Map<String, IObjectConstructor> NUMPY = Map.of(
            "numpy.core.multiarray._reconstruct", RECONSTRUCT,
            "numpy._core.multiarray._reconstruct", RECONSTRUCT,
            "numpy.dtype", DTYPE,
            "numpy.core.numeric._frombuffer", FROM_BUFFER,
            "numpy._core.numeric._frombuffer", FROM_BUFFER,
            "numpy.core.multiarray.scalar", SCALAR,
            "numpy._core.multiarray.scalar", SCALAR);

    @Override
    protected Object dispatch(short key) throws IOException {
        if (key == Opcodes.GLOBAL) {
            String module = PickleUtils.readline(input);
            String name = PickleUtils.readline(input);
            stack.add(constructor(module, name));
            return NO_RETURN_VALUE;
        }
        if (key == Opcodes.STACK_GLOBAL) {
            String name = (String) stack.pop();
            String module = (String) stack.pop();
            stack.add(constructor(module, name));
            return NO_RETURN_VALUE;
        }
        return super.dispatch(key);
    }

    /** The numpy constructors first, then the library's registry, then its generic class dict. */
    private static IObjectConstructor constructor(String module, String name) {
        String qualified = module + "." + name;
        IObjectConstructor numpy = NUMPY.get(qualified);
        if (numpy != null) {
            return numpy;
        }
        IObjectConstructor known = objectConstructors.get(qualified);
        return known != null ? known : new ClassDictConstructor(module, name);
    }

    /**
     * Python 2 pickles carry byte strings as {@code str} (one char per byte); Python 3 as
     * {@code bytes}, or with protocol 2 as {@code _codecs.encode(text, 'latin1')}, which the
     * library turns into bytes.
     */
    static byte[] bytes(Object o) {
        if (o instanceof byte[] b) {
            return b;
        }
        if (o instanceof String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw new PickleException("expected bytes, found " + describe(o));
    }

    /** A text argument that Python 2 wrote as {@code str} and Python 3 as {@code str} or bytes. */
    static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : (String) o;
    }

    static String describe(Object o) {
        return o == null ? "None" : o instanceof List<?> ? "a list" : o instanceof Object[] ? "a tuple"
                : o.getClass().getSimpleName();
    }

    private static Object scalar(Object[] args) {
        NumpyDtype dtype = ((PickledArray.Dtype) args[0]).toDtype();
        ByteBuffer b = ByteBuffer.wrap(bytes(args[1])).order(dtype.order());
        if (!dtype.isInteger()) {
            return (double) b.getFloat(0);
        }
        return switch (dtype.size()) {
            case 1 -> (long) (b.get(0) & 0xFF);
            case 4 -> (long) b.getInt(0);
            default -> b.getLong(0);
        };
    }

    /** @return the value of a pickled integer (Integer, Long or BigInteger) */
    static long integer(Object o) {
        if (o instanceof Integer || o instanceof Long) {
            return ((Number) o).longValue();
        }
        if (o instanceof BigInteger big) {
            return big.longValueExact();
        }
        throw new PickleException("expected an integer, found " + describe(o));
    }
}
