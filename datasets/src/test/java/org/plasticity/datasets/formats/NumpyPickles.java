package org.plasticity.datasets.formats;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Hand-assembles pickles of dicts holding numpy arrays and label lists, opcode for opcode as
 * Python and numpy write them (memo opcodes left out: they only let a pickle refer back to an
 * object, and these dicts never do). Each {@link Style} mirrors one real writer; the comments show
 * {@code pickletools.dis} of what that writer produces.
 */
public final class NumpyPickles {

    /** A numpy array to pickle: numpy type code ({@code u1}, {@code i8}, ...), shape, raw C-order bytes. */
    public record Array(String typeCode, char byteOrder, long[] shape, byte[] data) {
        /** @return a uint8 array */
        public static Array uint8(long[] shape, byte[] data) {
            return new Array("u1", '|', shape, data);
        }

        /** @return a little-endian int64 array of the values */
        public static Array int64(long... values) {
            ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) {
                b.putLong(v);
            }
            return new Array("i8", '<', new long[] {values.length}, b.array());
        }
    }

    /** Who wrote the pickle. */
    public enum Style {
        /**
         * Python 2 {@code cPickle.dump(d, f, 2)} with numpy 1.x, as the official CIFAR Python
         * batches: str keys and raw data as {@code SHORT_BINSTRING}/{@code BINSTRING},
         * {@code GLOBAL 'numpy.core.multiarray _reconstruct'}, {@code dtype('u1', 0, 1)}.
         */
        PY2,
        /**
         * Python 3 {@code pickle.dump(d, f, protocol=2)} with numpy 2.x: {@code BINUNICODE} keys,
         * {@code GLOBAL 'numpy._core.multiarray _reconstruct'}, raw data as
         * {@code _codecs.encode('\x00\x01...', 'latin1')}, {@code dtype('u1', False, True)}.
         */
        PY3_PROTOCOL2,
        /**
         * Python 3 protocol 3 after loading a Python 2 pickle with {@code encoding='bytes'}: the
         * keys are bytes ({@code SHORT_BINBYTES b'data'}), raw data {@code BINBYTES}.
         */
        PY3_BYTES_KEYS,
        /**
         * Python 3.4–3.7 {@code HIGHEST_PROTOCOL} (4): {@code FRAME}, {@code SHORT_BINUNICODE},
         * {@code STACK_GLOBAL}, {@code MEMOIZE}, raw data as {@code BINBYTES}.
         */
        PROTOCOL4,
        /**
         * Python 3.8+ {@code HIGHEST_PROTOCOL} (5): the array as
         * {@code numpy._core.numeric._frombuffer(bytearray(...), dtype, shape, 'C')} with the
         * buffer in band ({@code BYTEARRAY8}).
         */
        PROTOCOL5
    }

    private final Style style;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private NumpyPickles(Style style) {
        this.style = style;
    }

    /**
     * @param style the writer to mirror
     * @param entries values: {@link Array}, {@code int[]} (a list of ints) or {@code String}
     * @return the pickle bytes of the dict, entries in iteration order
     */
    public static byte[] dict(Style style, Map<String, ?> entries) {
        NumpyPickles p = new NumpyPickles(style);
        p.op(0x80).op(protocol(style));
        if (style == Style.PROTOCOL4 || style == Style.PROTOCOL5) {
            p.op(0x95).raw(le64(0)); // FRAME: its length is patched in below
        }
        p.op('}').memo().op('(');
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            p.key(e.getKey());
            p.value(e.getValue());
        }
        p.op('u').op('.');
        byte[] bytes = p.out.toByteArray();
        if (style == Style.PROTOCOL4 || style == Style.PROTOCOL5) {
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(3, bytes.length - 11);
        }
        return bytes;
    }

    /** @return the pickle of a Python list of ints alone, as {@link #dict} writes a label list */
    public static byte[] list(Style style, int[] values) {
        NumpyPickles p = new NumpyPickles(style);
        p.op(0x80).op(protocol(style)).value(values);
        return p.op('.').out.toByteArray();
    }

    private static int protocol(Style style) {
        return switch (style) {
            case PY2, PY3_PROTOCOL2 -> 2;
            case PY3_BYTES_KEYS -> 3;
            case PROTOCOL4 -> 4;
            case PROTOCOL5 -> 5;
        };
    }

    private void key(String k) {
        if (style == Style.PY2) {
            shortBinstring(k);
        } else if (style == Style.PY3_BYTES_KEYS) {
            bytes(k.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            unicode(k);
        }
    }

    private void value(Object v) {
        if (v instanceof Array a) {
            array(a);
        } else if (v instanceof int[] values) {
            // ] ( K 1 K 2 ... e
            op(']').memo().op('(');
            for (int x : values) {
                integer(x);
            }
            op('e');
        } else {
            key((String) v);
        }
    }

    private void array(Array a) {
        if (style == Style.PROTOCOL5) {
            // numpy._core.numeric._frombuffer(bytearray(raw), dtype('u1'), shape, 'C')
            global("numpy._core.numeric", "_frombuffer");
            op('(');
            op(0x96).raw(le64(a.data().length)).raw(a.data()).memo();
            dtype(a);
            shape(a.shape());
            unicode("C");
            op('t').op('R').memo();
            return;
        }
        // _reconstruct(ndarray, (0,), b'b') then BUILD (1, shape, dtype, False, raw)
        global(module(), "_reconstruct");
        global("numpy", "ndarray");
        integer(0);
        op(0x85);
        if (style == Style.PY2) {
            shortBinstring("b");
        } else if (style == Style.PY3_PROTOCOL2) {
            codecsEncode(new byte[] {'b'});
        } else {
            bytes(new byte[] {'b'});
        }
        op(0x87).op('R').memo();
        op('(');
        integer(1);
        shape(a.shape());
        dtype(a);
        op(0x89);
        if (style == Style.PY2) {
            op('T').raw(le32(a.data().length)).raw(a.data());
        } else if (style == Style.PY3_PROTOCOL2) {
            codecsEncode(a.data());
        } else {
            bytes(a.data());
        }
        op('t').op('b');
    }

    private String module() {
        return style == Style.PY2 ? "numpy.core.multiarray" : "numpy._core.multiarray";
    }

    private void dtype(Array a) {
        // dtype('u1', False, True) then BUILD (3, '|', None, None, None, -1, -1, 0)
        global("numpy", "dtype");
        if (style == Style.PY2) {
            shortBinstring(a.typeCode());
            integer(0);
            integer(1);
        } else {
            unicode(a.typeCode());
            op(0x89).op(0x88);
        }
        op(0x87).op('R').memo();
        op('(');
        integer(3);
        if (style == Style.PY2) {
            shortBinstring(String.valueOf(a.byteOrder()));
        } else {
            unicode(String.valueOf(a.byteOrder()));
        }
        op('N').op('N').op('N');
        op('J').raw(le32(-1)).op('J').raw(le32(-1));
        integer(0);
        op('t').op('b');
    }

    private void shape(long[] shape) {
        op('(');
        for (long d : shape) {
            integer(d);
        }
        op('t');
    }

    private void global(String module, String name) {
        if (style == Style.PROTOCOL4 || style == Style.PROTOCOL5) {
            unicode(module);
            unicode(name);
            op(0x93).memo();
        } else {
            op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void codecsEncode(byte[] data) {
        // _codecs.encode(str(data, 'latin1'), 'latin1')
        global("_codecs", "encode");
        unicode(new String(data, StandardCharsets.ISO_8859_1));
        unicode("latin1");
        op(0x86).op('R');
    }

    private void integer(long v) {
        if (v >= 0 && v < 256) {
            op('K').op((int) v);
        } else if (v >= 0 && v < 65536) {
            op('M').raw(new byte[] {(byte) v, (byte) (v >> 8)});
        } else {
            op('J').raw(le32((int) v));
        }
    }

    private void unicode(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (style == Style.PROTOCOL4 || style == Style.PROTOCOL5) {
            op(0x8C).op(utf8.length).raw(utf8).memo();
        } else {
            op('X').raw(le32(utf8.length)).raw(utf8);
        }
    }

    private void shortBinstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        op('U').op(b.length).raw(b);
    }

    private void bytes(byte[] b) {
        if (b.length < 256) {
            op('C').op(b.length).raw(b);
        } else {
            op('B').raw(le32(b.length)).raw(b);
        }
        memo();
    }

    private NumpyPickles memo() {
        if (style == Style.PROTOCOL4 || style == Style.PROTOCOL5) {
            op(0x94);
        }
        return this;
    }

    private NumpyPickles op(int code) {
        out.write(code);
        return this;
    }

    private NumpyPickles raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }
}
