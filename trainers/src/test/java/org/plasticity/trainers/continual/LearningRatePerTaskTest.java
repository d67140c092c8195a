package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.plasticity.core.layer.Param;
import org.plasticity.core.optim.Optimizer;
import org.plasticity.trainers.OptimizerFactory;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.config.TrainingConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code training.lrAfterFirstTask}: task 0 trains at the optimizer's rate, every later task at the given one. */
class LearningRatePerTaskTest {
    @Test
    void laterTasksTrainAtTheirOwnRate() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Param> params = List.of(new Param("w", manager.zeros(new ai.djl.ndarray.types.Shape(2))));
            TrainingConfig plain = ExperimentConfigs.parse("{\"training\": {\"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}}}",
                    "t.json", List.of()).training();
            TrainingConfig continual = ExperimentConfigs.parse("{\"training\": {\"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}}}",
                    "t.json", List.of("training.lrAfterFirstTask=0.01")).training();
            try (Optimizer optimizer = OptimizerFactory.create(continual.optimizer(), params, manager)) {
                assertEquals(0.1, ContinualTrainer.baseLearningRate(continual, 0, optimizer), 0);
                assertEquals(0.01, ContinualTrainer.baseLearningRate(continual, 1, optimizer), 0);
                assertEquals(0.01, ContinualTrainer.baseLearningRate(continual, 19, optimizer), 0);
                assertEquals(0.1, ContinualTrainer.baseLearningRate(plain, 5, optimizer), 0);
            }
        }
    }
}
