package org.plasticity.datasets.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plasticity.datasets.DataFileException;

/**
 * Reader for numpy's {@code .npy} files, format versions 1.0, 2.0 and 3.0: the magic
 * {@code \x93NUMPY}, a version byte pair, the header length (little-endian uint16 for 1.0, uint32
 * for 2.0 and 3.0), a Python dict literal header with {@code descr}, {@code fortran_order} and
 * {@code shape}, then the data. Only C-order arrays of the {@link NumpyDtype} types are accepted;
 * the file length must equal header plus data exactly.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE_V1 = 10;
    private static final int PREAMBLE_V2 = 12;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {}

    /**
     * What a {@code .npy} header says.
     *
     * @param dtype element type
     * @param shape dimensions
     * @param dataOffset where the data starts in the file
     */
    public record Header(NumpyDtype dtype, long[] shape, long dataOffset) {

        /** Copies the shape. */
        public Header {
            shape = shape.clone();
        }

        /** @return a copy of the dimensions */
        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** @return bytes of one index along axis 0 (an element for a 1-d array) */
        long rowBytes() {
            long n = dtype.size();
            for (int i = 1; i < shape.length; i++) {
                n = Math.multiplyExact(n, shape[i]);
            }
            return n;
        }
    }

    /**
     * @param file a {@code .npy} file
     * @return the whole array
     * @throws DataFileException if the file is missing, malformed, Fortran-ordered, of another
     *     dtype, or not exactly as long as its header says
     */
    public static NdArray read(Path file) {
        Header h = header(file);
        return readRows(file, h, 0, h.shape().length == 0 ? 1 : h.shape()[0]);
    }

    /**
     * Reads indices {@code from .. from+count-1} along axis 0 only (e.g. one severity block of a
     * CIFAR-10-C file) after checking the whole file's length.
     *
     * @param file a {@code .npy} file with at least one dimension
     * @param from first index along axis 0
     * @param count number of indices
     * @return the slice, shape {@code (count, shape[1], ...)}
     * @throws DataFileException as {@link #read}, or if the file has fewer rows
     */
    public static NdArray readRows(Path file, long from, long count) {
        Header h = header(file);
        if (h.shape().length == 0 || from < 0 || count < 0 || from + count > h.shape()[0]) {
            throw DataFileException.corrupt(file, "has shape " + NdArray.shapeText(h.shape())
                    + ", too few rows for rows " + from + ".." + (from + count - 1));
        }
        return readRows(file, h, from, count);
    }

    /**
     * @param file a {@code .npy} file
     * @return its header, after checking the file length against it
     * @throws DataFileException as {@link #read}
     */
    public static Header header(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = readFully(ch, 0, PREAMBLE_V2, file, "header");
            for (int i = 0; i < MAGIC.length; i++) {
                if (pre.get(i) != MAGIC[i]) {
                    throw DataFileException.corrupt(file, "not a .npy file (no \\x93NUMPY magic)");
                }
            }
            int major = pre.get(6) & 0xFF;
            long headerLength;
            long preamble;
            if (major == 1) {
                headerLength = pre.order(ByteOrder.LITTLE_ENDIAN).getShort(8) & 0xFFFF;
                preamble = PREAMBLE_V1;
            } else if (major == 2 || major == 3) {
                headerLength = pre.order(ByteOrder.LITTLE_ENDIAN).getInt(8) & 0xFFFFFFFFL;
                preamble = PREAMBLE_V2;
            } else {
                throw DataFileException.corrupt(file, "unsupported .npy format version " + major
                        + "." + (pre.get(7) & 0xFF) + " (1.0, 2.0 and 3.0 are read)");
            }
            ByteBuffer text = readFully(ch, preamble, Math.toIntExact(headerLength), file, "header");
            String dict = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)
                    .decode(text).toString();
            Header h = parse(file, dict, preamble + headerLength);
            long expected = h.dataOffset() + NdArray.elements(h.shape()) * h.dtype().size();
            long size = ch.size();
            if (size < expected) {
                throw DataFileException.corrupt(file, "truncated: shape " + NdArray.shapeText(h.shape())
                        + " of " + h.dtype().numpyName() + " needs " + expected + " bytes, found "
                        + size);
            }
            if (size > expected) {
                throw DataFileException.corrupt(file, "too long: expected " + expected
                        + " bytes, found " + size + " (trailing data after the array)");
            }
            return h;
        } catch (NoSuchFileException e) {
            throw DataFileException.missing(file);
        } catch (IOException e) {
            throw DataFileException.unreadable(file, "cannot read: " + e, e);
        }
    }

    private static Header parse(Path file, String dict, long dataOffset) {
        Matcher descr = DESCR.matcher(dict);
        Matcher fortran = FORTRAN.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw DataFileException.corrupt(file, "malformed .npy header: " + dict.strip());
        }
        if (fortran.group(1).equals("True")) {
            throw DataFileException.corrupt(file, "array is stored in Fortran order; save it in C "
                    + "order (numpy.save(f, numpy.ascontiguousarray(a)))");
        }
        NumpyDtype dtype;
        try {
            dtype = NumpyDtype.parse(descr.group(1));
        } catch (IllegalArgumentException e) {
            throw DataFileException.corrupt(file, e.getMessage());
        }
        long[] dims = Arrays.stream(shape.group(1).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).mapToLong(s -> dimension(file, s))
                .toArray();
        return new Header(dtype, dims, dataOffset);
    }

    private static long dimension(Path file, String text) {
        try {
            long d = Long.parseLong(text.endsWith("L") ? text.substring(0, text.length() - 1) : text);
            if (d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DataFileException.corrupt(file, "malformed .npy header: bad dimension '" + text + "'");
    }

    private static NdArray readRows(Path file, Header h, long from, long count) {
        long rowBytes = h.rowBytes();
        long bytes = Math.multiplyExact(count, rowBytes);
        if (bytes > Integer.MAX_VALUE - 8) {
            throw DataFileException.corrupt(file, "array of " + bytes + " bytes is too large to "
                    + "read at once (at most 2 GiB)");
        }
        long[] shape = h.shape();
        if (shape.length > 0) {
            shape[0] = count;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer data = readFully(ch, h.dataOffset() + from * rowBytes, (int) bytes, file,
                    "data");
            return new NdArray(h.dtype(), shape, data.array());
        } catch (IOException e) {
            throw DataFileException.unreadable(file, "cannot read: " + e, e);
        }
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length, Path file,
            String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        long at = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                throw DataFileException.corrupt(file, "truncated " + what + ": expected "
                        + (position + length) + " bytes, found " + ch.size());
            }
            at += n;
        }
        return b.flip();
    }
}
