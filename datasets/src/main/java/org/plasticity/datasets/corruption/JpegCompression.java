package org.plasticity.datasets.corruption;

/** A JPEG round trip at quality 80, 65, 58, 50, 40 through {@link JpegCodec} (ImageIO, not PIL). */
final class JpegCompression implements ImageCorruption {

    private static final int[] QUALITY = {80, 65, 58, 50, 40};

    private final ImageGeometry geometry;

    JpegCompression(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        return JpegCodec.roundTrip(chw, geometry, QUALITY[level]);
    }
}
