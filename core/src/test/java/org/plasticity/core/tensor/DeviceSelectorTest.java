package org.plasticity.core.tensor;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device selection for every setting, with and without GPUs (no GPU needed to run). */
class DeviceSelectorTest {
    @Test
    void autoTakesTheFirstGpuWhenThereIsOne() {
        assertEquals(Device.cpu(), DeviceSelector.select("auto", 0));
        assertEquals(Device.gpu(0), DeviceSelector.select("auto", 2));
    }

    @Test
    void explicitChoices() {
        assertEquals(Device.cpu(), DeviceSelector.select("cpu", 4));
        assertEquals(Device.gpu(0), DeviceSelector.select("gpu", 1));
        assertEquals(Device.gpu(3), DeviceSelector.select("gpu:3", 4));
    }

    @Test
    void aMissingGpuIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceSelector.select("gpu", 0));
        assertTrue(e.getMessage().contains("sees 0 GPU"), e.getMessage());
        assertTrue(e.getMessage().contains("PLASTICITY_TORCH") && e.getMessage().contains("docs/GPU.md"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceSelector.select("gpu:2", 2));
    }

    @Test
    void malformedSettingsAreRejected() {
        for (String bad : new String[] {"GPU", "gpu:", "gpu:-1", "cuda", "", "cpu:0"}) {
            assertFalse(DeviceSelector.isValid(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> DeviceSelector.select(bad, 1), bad);
        }
        assertTrue(DeviceSelector.isValid("gpu:12"));
    }
}
