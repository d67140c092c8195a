package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("type", "tau", "vth", "decayInput", "detachReset", "surrogate");

    @Test
    void suggestsCloseKeys() {
        assertEquals(Optional.of("tau"), Suggestions.nearest("tauu", KEYS));
        assertEquals(Optional.of("tau"), Suggestions.nearest("tua", KEYS));
        assertEquals(Optional.of("decayInput"), Suggestions.nearest("decayinput", KEYS));
        assertEquals(Optional.of("surrogate"), Suggestions.nearest("surogate", KEYS));
        assertEquals(Optional.of("detachReset"), Suggestions.nearest("detach_rest", KEYS));
    }

    @Test
    void doesNotSuggestDistantKeys() {
        assertEquals(Optional.empty(), Suggestions.nearest("alpha", KEYS));
        assertEquals(Optional.empty(), Suggestions.nearest("xy", KEYS));
    }

    @Test
    void formatsTheHint() {
        assertEquals("; did you mean vth?", Suggestions.didYouMean("vht", KEYS));
        assertEquals("", Suggestions.didYouMean("momentum", KEYS));
    }
}
