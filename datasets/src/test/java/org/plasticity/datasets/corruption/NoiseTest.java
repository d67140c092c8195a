package org.plasticity.datasets.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The three noises change a mid-grey image by their documented statistics. */
class NoiseTest {

    private static final int MID = 128;
    private static final int IMAGES = 40;

    static Stream<Arguments> severitiesAndGeometries() {
        return Stream.of(TestImages.GREY_28, TestImages.RGB_32)
                .flatMap(g -> Stream.of(1, 2, 3, 4, 5).map(s -> Arguments.of(g, s)));
    }

    private static byte[] corruptMidGrey(ImageGeometry g, Corruption c, int severity) {
        byte[] set = TestImages.repeated(TestImages.constant(g, MID), IMAGES);
        return CorruptedImages.corrupt(set, IMAGES, g, c, severity, 11L);
    }

    private static double[] meanAndVariance(byte[] out) {
        double sum = 0;
        double sq = 0;
        for (byte b : out) {
            double d = (b & 0xFF) - MID;
            sum += d;
            sq += d * d;
        }
        double mean = sum / out.length;
        return new double[] {mean, sq / out.length - mean * mean};
    }

    @ParameterizedTest
    @MethodSource("severitiesAndGeometries")
    void gaussianNoiseHasStandardDeviationCTimes255(ImageGeometry g, int severity) {
        double c = new double[] {0.04, 0.06, 0.08, 0.09, 0.10}[severity - 1];
        double[] mv = meanAndVariance(corruptMidGrey(g, Corruption.GAUSSIAN_NOISE, severity));
        // truncation adds about −0.5 to the mean and 1/12 to the variance
        double expectedSd = Math.sqrt(Math.pow(c * 255, 2) + 1.0 / 12);
        assertEquals(expectedSd, Math.sqrt(mv[1]), 0.02 * expectedSd, "sd at severity " + severity);
        assertEquals(-0.5, mv[0], 0.25, "mean at severity " + severity);
    }

    @ParameterizedTest
    @MethodSource("severitiesAndGeometries")
    void shotNoiseHasVarianceX255SquaredOverC(ImageGeometry g, int severity) {
        double c = new double[] {500, 250, 100, 75, 50}[severity - 1];
        double x = MID / 255.0;
        double[] mv = meanAndVariance(corruptMidGrey(g, Corruption.SHOT_NOISE, severity));
        double expected = x * 255 * 255 / c + 1.0 / 12;
        assertEquals(expected, mv[1], 0.04 * expected, "variance at severity " + severity);
        assertEquals(-0.5, mv[0], 0.3, "mean at severity " + severity);
    }

    @ParameterizedTest
    @MethodSource("severitiesAndGeometries")
    void impulseNoiseSetsAFractionCToZeroOr255HalfEach(ImageGeometry g, int severity) {
        double c = new double[] {0.01, 0.02, 0.03, 0.05, 0.07}[severity - 1];
        byte[] out = corruptMidGrey(g, Corruption.IMPULSE_NOISE, severity);
        int salt = 0;
        int pepper = 0;
        for (byte b : out) {
            int v = b & 0xFF;
            salt += v == 255 ? 1 : 0;
            pepper += v == 0 ? 1 : 0;
            assertTrue(v == 0 || v == 255 || v == MID, "unexpected value " + v);
        }
        int n = out.length;
        double tolerance = 5 * Math.sqrt(c * (1 - c) / n);
        assertEquals(c, (salt + pepper) / (double) n, tolerance, "fraction at severity " + severity);
        assertEquals(0.5, salt / (double) (salt + pepper), 5 * Math.sqrt(0.25 / (salt + pepper)));
    }
}
