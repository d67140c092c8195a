package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentTest {

    @Test
    void parsesKeysAndIndices() {
        assertEquals(List.of(new PathSegment.Key("model"), new PathSegment.Key("hidden"), new PathSegment.Index(1)),
                PathSegment.parse("model.hidden[1]"));
        assertEquals(List.of(new PathSegment.Key("a"), new PathSegment.Index(0), new PathSegment.Index(2),
                new PathSegment.Key("b")), PathSegment.parse("a[0][2].b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.hidden[1]", "a[0][2].b", "training.optimizer.lr", "seed"})
    void rendersWhatItParses(String path) {
        assertEquals(path, PathSegment.render(PathSegment.parse(path)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b", "[0]", "a[", "a[]", "a[1x]", "a[0]b", "a]", "a[9999999999]"})
    void rejectsMalformedPaths(String path) {
        assertThrows(IllegalArgumentException.class, () -> PathSegment.parse(path));
    }
}
