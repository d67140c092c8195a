package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.plasticity.trainers.config.ConfigAssertions.parse;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final String RICH = """
            {
              "name": "dsr-hlop", "seed": -5, "device": "gpu:1", "threads": 4,
              "data": {"scenario": "split-fashion-mnist", "root": "/data", "tasks": 5, "trainLimit": 1000,
                       "testLimit": 200, "incremental": "task", "normalize": false},
              "model": {"hidden": [400], "bias": true, "head": "per-task", "timesteps": 30,
                        "encoding": {"type": "latency", "threshold": 0.2}, "readout": "weighted-rate",
                        "neuron": {"type": "dsr-lif", "vth": 0.5, "trainVth": false}},
              "training": {"method": "dsr", "epochs": 3, "batchSize": 32, "shuffle": false,
                           "freezeAfterFirstTask": true,
                           "optimizer": {"type": "adam", "lr": 0.0005, "eps": 1e-10},
                           "schedule": {"type": "cosine", "warmup": 1, "tMax": 3}},
              "method": {"hlop": {"lr": [0.001], "initial": [80], "increment": [70],
                                  "spiking": true}},
              "output": {"dir": "out", "saveWeights": false, "progress": false}
            }""";

    @Test
    void defaultsRoundTrip() {
        ExperimentConfig config = parse("{}");
        assertEquals(config, parse(ExperimentConfigs.toJson(config)));
    }

    @Test
    void richConfigRoundTrips() {
        ExperimentConfig config = parse(RICH);
        assertNotEquals(ExperimentConfig.DEFAULTS, config);
        String json = ExperimentConfigs.toJson(config);
        ExperimentConfig back = parse(json);
        assertEquals(config, back);
        assertEquals(json, ExperimentConfigs.toJson(back));
    }

    @Test
    void resolvedJsonHoldsEveryDefault() {
        String json = ExperimentConfigs.toJson(parse(RICH));
        for (String key : List.of("\"dt\": 0.05", "\"alpha\": 0.3", "\"vthBound\": 5.0E-4", "\"beta1\": 0.9",
                "\"classesPerTask\": 2", "\"iterations\": 5", "\"withWfr\": true", "\"evalBatchSize\": 256")) {
            assertEquals(true, json.contains(key), key + " missing from " + json);
        }
    }

    @Test
    void everySurrogateAndOptimizerRoundTrips() {
        for (String surrogate : TypeRegistry.of(SurrogateConfig.class).names()) {
            for (String schedule : TypeRegistry.of(ScheduleConfig.class).names()) {
                ExperimentConfig config = parse("{}", "model.neuron.type=if",
                        "model.neuron.surrogate.type=" + surrogate, "training.schedule.type=" + schedule,
                        "training.optimizer={\"momentum\": 0.9, \"nesterov\": true}");
                assertEquals(config, parse(ExperimentConfigs.toJson(config)), surrogate + "/" + schedule);
            }
        }
    }
}
