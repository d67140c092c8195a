package org.plasticity.datasets.formats;

import java.util.List;
import net.razorvine.pickle.PickleException;

/**
 * A numpy array as the unpickler rebuilds it, before its dtype is checked: {@code _reconstruct}
 * makes an empty one and the pickle's BUILD opcode calls {@link #__setstate__} with numpy's state
 * tuple {@code (version, shape, dtype, is_fortran, rawdata)} (or the same without version). Public
 * only because the pickle library calls {@code __setstate__} by reflection.
 */
public final class PickledArray {

    private Object[] shape;
    private Dtype dtype;
    private boolean fortran;
    private Object raw;

    PickledArray() {}

    static PickledArray fromBuffer(byte[] buffer, Dtype dtype, Object[] shape, String order) {
        PickledArray a = new PickledArray();
        a.__setstate__(new Object[] {shape, dtype, "F".equals(order), buffer});
        return a;
    }

    /**
     * numpy's {@code ndarray.__setstate__}.
     *
     * @param state {@code (version, shape, dtype, is_fortran, rawdata)} or without version
     */
    public void __setstate__(Object[] state) {
        int at = state.length == 5 ? 1 : 0;
        if (state.length - at != 4) {
            throw new PickleException("unexpected numpy array state of " + state.length + " items");
        }
        shape = (Object[]) state[at];
        dtype = (Dtype) state[at + 1];
        Object f = state[at + 2];
        fortran = f instanceof Boolean b ? b : NumpyUnpickler.integer(f) != 0;
        raw = state[at + 3];
    }

    /**
     * @return the array
     * @throws IllegalArgumentException if it is Fortran-ordered, of an unsupported dtype, holds
     *     Python objects, or its data does not match its shape
     */
    NdArray toNdArray() {
        if (raw instanceof List<?>) {
            throw new IllegalArgumentException("holds Python objects (dtype object), not numbers");
        }
        NumpyDtype type = dtype.toDtype();
        long[] dims = new long[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = NumpyUnpickler.integer(shape[i]);
        }
        boolean matrix = dims.length > 1 && NdArray.elements(dims) > 1;
        if (fortran && matrix) {
            throw new IllegalArgumentException("is stored in Fortran order; re-save it in C order "
                    + "(numpy.ascontiguousarray)");
        }
        byte[] data = NumpyUnpickler.bytes(raw);
        long expected = NdArray.elements(dims) * type.size();
        if (data.length != expected) {
            throw new IllegalArgumentException("shape " + NdArray.shapeText(dims) + " of "
                    + type.numpyName() + " needs " + expected + " bytes, found " + data.length);
        }
        return new NdArray(type, dims, data);
    }

    /**
     * A pickled {@code numpy.dtype(typecode, align, copy)} whose BUILD state carries the byte
     * order. Public only because the pickle library calls {@code __setstate__} by reflection.
     */
    public static final class Dtype {

        private final String typeCode;
        private char order = '|';

        Dtype(String typeCode) {
            this.typeCode = typeCode;
        }

        /**
         * numpy's {@code dtype.__setstate__}.
         *
         * @param state {@code (version, byteorder, ...)}; very old pickles start with the byte order
         */
        public void __setstate__(Object[] state) {
            Object o = state.length > 0 && state[0] instanceof String ? state[0]
                    : state.length > 1 ? state[1] : "|";
            String s = NumpyUnpickler.text(o);
            order = s.isEmpty() ? '|' : s.charAt(0);
        }

        /** @return the element type; throws IllegalArgumentException for unsupported types */
        NumpyDtype toDtype() {
            return NumpyDtype.of(typeCode, order);
        }
    }
}
