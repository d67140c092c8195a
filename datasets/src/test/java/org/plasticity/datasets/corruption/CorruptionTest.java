package org.plasticity.datasets.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorruptionTest {

    @Test
    void namesAreTheFifteenStandardOnesInCanonicalOrder() {
        assertEquals(List.of("gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur",
                "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast",
                "elastic_transform", "pixelate", "jpeg_compression"), Corruption.names());
    }

    @Test
    void byNameFindsEachAndRejectsOthers() {
        for (Corruption c : Corruption.values()) {
            assertEquals(Optional.of(c), Corruption.byName(c.configName()));
        }
        assertTrue(Corruption.byName("Gaussian Noise").isEmpty());
        assertTrue(Corruption.byName("speckle_noise").isEmpty());
    }

    @Test
    void severityOutsideOneToFiveAndWrongSizesAreRejected() {
        Corruptor corruptor = new Corruptor(TestImages.GREY_28);
        byte[] image = TestImages.constant(TestImages.GREY_28, 100);
        for (int bad : new int[] {0, 6, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> corruptor.apply(Corruption.CONTRAST, bad, image, new SplittableRandom(1)));
            assertTrue(e.getMessage().contains("severity must be 1..5"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> corruptor.apply(Corruption.CONTRAST, 1, new byte[10], new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new Corruptor(new ImageGeometry(1, 28, 32)));
        assertThrows(IllegalArgumentException.class, () -> new ImageGeometry(2, 28, 28));
    }

    @Test
    void withoutFrostPhotosTheSubstituteIsReported() {
        assertEquals(false, new Corruptor(TestImages.RGB_32).usesFrostPhotos());
    }
}
