package org.plasticity.datasets.formats;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The numpy element types the readers accept: {@code uint8}, {@code int32}, {@code int64} and
 * {@code float32}, each with its byte order. Parsed from an array-protocol type string such as
 * {@code |u1}, {@code <i8} or {@code >f4} ({@code .npy} headers), or from a pickled
 * {@code numpy.dtype('i8')} plus its byte-order character.
 *
 * @param kind {@code u} unsigned integer, {@code i} signed integer, {@code f} float
 * @param size bytes per element
 * @param order byte order of multi-byte elements
 */
public record NumpyDtype(char kind, int size, ByteOrder order) {

    /** numpy's {@code uint8}. */
    public static final NumpyDtype UINT8 = new NumpyDtype('u', 1, ByteOrder.LITTLE_ENDIAN);

    /** Checks that the type is one of the supported ones. */
    public NumpyDtype {
        Objects.requireNonNull(order, "order");
        boolean supported = kind == 'u' && size == 1 || kind == 'i' && (size == 4 || size == 8)
                || kind == 'f' && size == 4;
        if (!supported) {
            throw new IllegalArgumentException("unsupported numpy dtype " + kind + size
                    + " (supported: uint8, int32, int64, float32)");
        }
    }

    /**
     * @param descr an array-protocol type string: optional byte order {@code < > | =}, kind,
     *     size, e.g. {@code <i8}
     * @return the type
     * @throws IllegalArgumentException for other types, naming the string
     */
    public static NumpyDtype parse(String descr) {
        Objects.requireNonNull(descr, "descr");
        String s = descr.strip();
        char orderChar = s.isEmpty() ? '?' : s.charAt(0);
        if ("<>|=".indexOf(orderChar) >= 0) {
            s = s.substring(1);
        } else {
            orderChar = '=';
        }
        return of(s, orderChar);
    }

    /**
     * @param typeCode kind and size without byte order, e.g. {@code u1} or {@code i8}
     * @param orderChar {@code <} little, {@code >} big, {@code |} not applicable, {@code =} native
     * @return the type
     * @throws IllegalArgumentException for other types
     */
    public static NumpyDtype of(String typeCode, char orderChar) {
        if (typeCode.length() < 2 || !typeCode.substring(1).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("unsupported numpy dtype '" + orderChar + typeCode
                    + "' (supported: uint8, int32, int64, float32)");
        }
        ByteOrder order = switch (orderChar) {
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> ByteOrder.LITTLE_ENDIAN;
        };
        try {
            return new NumpyDtype(typeCode.charAt(0), Integer.parseInt(typeCode.substring(1)), order);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported numpy dtype '" + orderChar + typeCode
                    + "' (supported: uint8, int32, int64, float32)", e);
        }
    }

    /** @return true for {@code uint8}, whatever byte order was written */
    public boolean isUint8() {
        return kind == 'u' && size == 1;
    }

    /** @return true for the integer kinds */
    public boolean isInteger() {
        return kind != 'f';
    }

    /** @return numpy's name, e.g. {@code int64} */
    public String numpyName() {
        String base = switch (kind) {
            case 'u' -> "uint";
            case 'i' -> "int";
            default -> "float";
        };
        return base + size * 8;
    }
}
