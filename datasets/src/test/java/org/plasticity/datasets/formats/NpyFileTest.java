package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.VisionFixtures;

class NpyFileTest {

    @TempDir
    Path tmp;

    private Path file(String name, byte[] content) {
        return VisionFixtures.write(tmp.resolve(name), content);
    }

    @Test
    void readsUint8InCOrder() {
        byte[] data = {0, 1, 2, 3, 4, 5, (byte) 200, (byte) 255, 8, 9, 10, 11};
        NdArray a = NpyFile.read(file("a.npy", VisionFixtures.npy("|u1", false, new long[] {2, 2, 3}, data)));
        assertTrue(a.dtype().isUint8());
        assertArrayEquals(new long[] {2, 2, 3}, a.shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 200, 255, 8, 9, 10, 11}, a.longs());
    }

    @Test
    void honoursByteOrderOfIntegersAndFloats() {
        ByteBuffer le = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-3).putLong(1L << 40);
        assertArrayEquals(new long[] {-3, 1L << 40},
                NpyFile.read(file("l.npy", VisionFixtures.npy("<i8", false, new long[] {2}, le.array()))).longs());
        ByteBuffer be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(7).putInt(-1);
        assertArrayEquals(new long[] {7, -1},
                NpyFile.read(file("b.npy", VisionFixtures.npy(">i4", false, new long[] {2}, be.array()))).longs());
        ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-0.25f);
        assertArrayEquals(new float[] {1.5f, -0.25f},
                NpyFile.read(file("f.npy", VisionFixtures.npy("<f4", false, new long[] {2}, f.array()))).floats());
    }

    @Test
    void readsVersionTwoAndThreeHeaders() {
        for (int major : new int[] {2, 3}) {
            String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }";
            header += " ".repeat(64 - (12 + header.length() + 1) % 64) + "\n";
            ByteBuffer b = ByteBuffer.allocate(12 + header.length() + 3).order(ByteOrder.LITTLE_ENDIAN);
            b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0}).putInt(header.length());
            b.put(header.getBytes(StandardCharsets.US_ASCII)).put(new byte[] {9, 8, 7});
            NpyFile.Header h = NpyFile.header(file("v" + major + ".npy", b.array()));
            assertEquals(12 + header.length(), h.dataOffset(), "version " + major);
            assertEquals(0, h.dataOffset() % 64);
            assertArrayEquals(new long[] {9, 8, 7}, NpyFile.read(tmp.resolve("v" + major + ".npy")).longs());
        }
    }

    @Test
    void readRowsReadsOneBlockOfAxisZero() {
        byte[] data = new byte[6 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Path f = file("rows.npy", VisionFixtures.npy("|u1", false, new long[] {6, 2, 2}, data));
        NdArray a = NpyFile.readRows(f, 2, 3);
        assertArrayEquals(new long[] {3, 2, 2}, a.shape());
        assertArrayEquals(Arrays.copyOfRange(data, 8, 20), a.data());
        assertThrows(DataFileException.class, () -> NpyFile.readRows(f, 4, 3));
    }

    @Test
    void refusesFortranOrderOtherTypesAndBadFiles() {
        byte[] four = {1, 2, 3, 4};
        assertMessage(file("fo.npy", VisionFixtures.npy("|u1", true, new long[] {2, 2}, four)), "Fortran order");
        assertMessage(file("f8.npy", VisionFixtures.npy("<f8", false, new long[] {1}, new byte[8])),
                "unsupported numpy dtype '<f8'");
        assertMessage(file("obj.npy", VisionFixtures.npy("|O", false, new long[] {1}, new byte[8])),
                "unsupported numpy dtype");
        byte[] good = VisionFixtures.npy("|u1", false, new long[] {2, 2}, four);
        assertMessage(file("short.npy", Arrays.copyOf(good, good.length - 1)),
                "truncated: shape (2, 2) of uint8 needs 132 bytes, found 131");
        assertMessage(file("long.npy", Arrays.copyOf(good, good.length + 1)), "too long");
        assertMessage(file("cut.npy", Arrays.copyOf(good, 30)), "truncated header");
        assertMessage(file("magic.npy", "hello world, not numpy".getBytes(StandardCharsets.US_ASCII)),
                "not a .npy file");
        DataFileException missing = assertThrows(DataFileException.class,
                () -> NpyFile.read(tmp.resolve("absent.npy")));
        assertTrue(missing.getMessage().contains("absent.npy"), missing.getMessage());
    }

    private static void assertMessage(Path f, String part) {
        DataFileException e = assertThrows(DataFileException.class, () -> NpyFile.read(f));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
    }
}
