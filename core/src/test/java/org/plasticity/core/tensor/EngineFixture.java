package org.plasticity.core.tensor;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts the engine offline on the CPU and gives each test a fresh manager. */
public abstract class EngineFixture {
    protected NDManager manager;
    protected Constants c;

    @BeforeEach
    void openManager() {
        TorchRuntime.start(2, 7);
        manager = NDManager.newBaseManager(ai.djl.Device.cpu());
        c = new Constants(manager);
    }

    @AfterEach
    void closeManager() {
        c.close();
        manager.close();
    }
}
