package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.VisionFixtures;

/** The numpy constructors of {@link NumpyUnpickler} on pickles mirroring each real writer. */
class NumpyPickleTest {

    @TempDir
    Path tmp;

    private static Map<String, Object> entries() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("data", NumpyPickles.Array.uint8(new long[] {2, 3}, new byte[] {0, 1, 2, (byte) 200, (byte) 255, 5}));
        d.put("labels", new int[] {1, 300, 70000});
        d.put("ids", NumpyPickles.Array.int64(4, 2, 1L << 40));
        return d;
    }

    @ParameterizedTest
    @EnumSource(NumpyPickles.Style.class)
    void decodesArraysListsAndKeysOfEveryWriter(NumpyPickles.Style style) {
        Path f = VisionFixtures.write(tmp.resolve("d.pkl"), NumpyPickles.dict(style, entries()));
        PickledDict d = PickledDict.read(f);
        NdArray data = d.array("data");
        assertTrue(data.dtype().isUint8());
        assertArrayEquals(new long[] {2, 3}, data.shape());
        assertArrayEquals(new long[] {0, 1, 2, 200, 255, 5}, data.longs());
        assertArrayEquals(new int[] {1, 300, 70000}, d.labels("labels", 3, 70001));
        assertArrayEquals(new long[] {4, 2, 1L << 40}, d.array("ids").longs());
        assertEquals("int64", d.array("ids").dtype().numpyName());
    }

    @ParameterizedTest
    @EnumSource(NumpyPickles.Style.class)
    void largeRawDataSurvivesEveryWriter(NumpyPickles.Style style) {
        byte[] pixels = IdxFixtures.patternPixels(5, 4, 3072);
        Map<String, Object> m = Map.of("data", NumpyPickles.Array.uint8(new long[] {4, 3072}, pixels));
        PickledDict d = PickledDict.read(VisionFixtures.write(tmp.resolve("big.pkl"), NumpyPickles.dict(style, m)));
        assertArrayEquals(pixels, d.array("data").data());
    }

    @ParameterizedTest
    @EnumSource(NumpyPickles.Style.class)
    void labelsOutOfRangeOrOfTheWrongCountNameTheEntry(NumpyPickles.Style style) {
        Path f = VisionFixtures.write(tmp.resolve("d.pkl"), NumpyPickles.dict(style, entries()));
        PickledDict d = PickledDict.read(f);
        assertMessage(() -> d.labels("labels", 3, 100), "entry 'labels': label 300 of sample 1 is outside 0..99");
        assertMessage(() -> d.labels("labels", 4, 70001), "entry 'labels' has 3 labels for 4 images");
        assertMessage(() -> d.array("labels"), "entry 'labels' is a list, expected a numpy array");
        assertMessage(() -> d.array("fine_labels"), "has no entry 'fine_labels' (entries: data, ids, labels)");
    }

    @ParameterizedTest
    @EnumSource(NumpyPickles.Style.class)
    void unsupportedDtypesAreRefusedWhenAskedFor(NumpyPickles.Style style) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", new NumpyPickles.Array("f8", '<', new long[] {1}, new byte[8]));
        m.put("data", NumpyPickles.Array.uint8(new long[] {1}, new byte[] {7}));
        PickledDict d = PickledDict.read(VisionFixtures.write(tmp.resolve("f8.pkl"), NumpyPickles.dict(style, m)));
        assertArrayEquals(new long[] {7}, d.array("data").longs());
        assertMessage(() -> d.array("x"), "entry 'x': unsupported numpy dtype '<f8'");
    }

    @ParameterizedTest
    @EnumSource(NumpyPickles.Style.class)
    void truncatedPicklesNameTheFile(NumpyPickles.Style style) {
        byte[] whole = NumpyPickles.dict(style, entries());
        for (int cut : new int[] {1, whole.length / 2, whole.length - 1}) {
            Path f = VisionFixtures.write(tmp.resolve("cut.pkl"), Arrays.copyOf(whole, cut));
            DataFileException e = assertThrows(DataFileException.class, () -> PickledDict.read(f), "cut " + cut);
            assertTrue(e.getMessage().contains(f.toAbsolutePath().toString()), e.getMessage());
            assertTrue(!e.getMessage().contains("Exception"), "no exception class in a user message: " + e.getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void otherTopLevelObjectsAndMissingFilesAreRefused() {
        Path list = VisionFixtures.write(tmp.resolve("list.pkl"),
                NumpyPickles.list(NumpyPickles.Style.PROTOCOL4, new int[] {1, 2}));
        assertMessage(() -> PickledDict.read(list), "expected a pickled dict, found a list");
        Path gz = VisionFixtures.write(tmp.resolve("d.pkl.gz"),
                IdxFixtures.gzip(NumpyPickles.dict(NumpyPickles.Style.PY2, entries())));
        assertArrayEquals(new int[] {1, 300, 70000}, PickledDict.read(gz).labels("labels", 3, 70001));
        DataFileException e = assertThrows(DataFileException.class, () -> PickledDict.read(tmp.resolve("no.pkl")));
        assertTrue(e.getMessage().startsWith("data file not found: "), e.getMessage());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable run, String part) {
        DataFileException e = assertThrows(DataFileException.class, run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
