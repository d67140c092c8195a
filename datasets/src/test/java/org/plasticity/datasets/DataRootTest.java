package org.plasticity.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataRootTest {

    @Test
    void configuredValueWinsOverEnvironment() {
        Path got = DataRoot.resolve(Path.of("/opt/configured"), Map.of(DataRoot.ENV, "/env")::get);
        assertEquals(Path.of("/opt/configured"), got);
    }

    @Test
    void environmentUsedWhenNothingConfigured() {
        Path got = DataRoot.resolve(null, Map.of("PLASTICITY_DATA", "/env/data")::get);
        assertEquals(Path.of("/env/data"), got);
    }

    @Test
    void defaultsToDataInWorkingDirectory() {
        Path expected = Path.of("data").toAbsolutePath().normalize();
        assertEquals(expected, DataRoot.resolve(null, name -> null));
        assertEquals(expected, DataRoot.resolve(null, name -> "  "));
    }

    @Test
    void relativeValuesBecomeAbsolute() {
        Path got = DataRoot.resolve(Path.of("x/../y"), name -> null);
        assertTrue(got.isAbsolute());
        assertEquals(Path.of("y").toAbsolutePath().normalize(), got);
    }
}
