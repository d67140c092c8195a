package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The mapper is strict by itself, as a second line behind the defaults resolver. */
class ConfigMapperTest {

    private final JsonMapper mapper = ConfigMapper.create();

    @Test
    void bindsACompleteNode() throws JacksonException {
        assertEquals(new StepSchedule(5, 0.5),
                mapper.readValue("{\"type\": \"step\", \"stepSize\": 5, \"gamma\": 0.5}", ScheduleConfig.class));
        assertEquals(new StepSchedule(5, 1.0),
                mapper.readValue("{\"type\": \"step\", \"stepSize\": 5, \"gamma\": 1}", ScheduleConfig.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"step\", \"stepSize\": \"5\", \"gamma\": 0.5}",
        "{\"type\": \"step\", \"stepSize\": 1.5, \"gamma\": 0.5}",
        "{\"type\": \"step\", \"stepSize\": null, \"gamma\": 0.5}",
        "{\"type\": \"step\", \"stepSize\": 5, \"gamma\": \"0.5\"}",
        "{\"type\": \"step\", \"stepSize\": 5}",
        "{\"type\": \"step\", \"stepSize\": 5, \"gamma\": 0.5, \"extra\": 1}",
        "{\"type\": \"StepSchedule\", \"stepSize\": 5, \"gamma\": 0.5}",
        "{\"type\": \"step\", \"stepSize\": 5, \"gamma\": 0.5, \"gamma\": 0.5}",
    })
    void rejectsWhatTheResolverRejects(String json) {
        assertThrows(JacksonException.class, () -> mapper.readValue(json, ScheduleConfig.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"dir\": 5, \"saveWeights\": true, \"progress\": true}",
        "{\"dir\": \"runs\", \"saveWeights\": \"true\", \"progress\": true}",
        "{\"dir\": \"runs\", \"saveWeights\": 1, \"progress\": true}",
    })
    void rejectsScalarCoercions(String json) {
        assertThrows(JacksonException.class, () -> mapper.readValue(json, OutputConfig.class));
    }
}
