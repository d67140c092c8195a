package org.plasticity.datasets.corruption;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A JPEG round trip in memory with Java's ImageIO codec (IJG libjpeg 6b inside the JDK): RGB
 * images as 3-channel JFIF (YCbCr, ImageIO's default 2×2 chroma subsampling), grey images as
 * 1-channel JPEG, at quality q/100, which ImageIO maps to the IJG-scaled Annex K tables like
 * libjpeg's {@code jpeg_set_quality(q)}. Nothing touches the disk.
 */
final class JpegCodec {

    private JpegCodec() {}

    /**
     * @param chw uint8 CHW image
     * @param geometry its shape
     * @param quality 1..100
     * @return the decoded image, CHW
     */
    static byte[] roundTrip(byte[] chw, ImageGeometry geometry, int quality) {
        BufferedImage image = toImage(chw, geometry);
        byte[] encoded = encode(image, quality);
        return fromImage(decode(encoded), geometry);
    }

    private static BufferedImage toImage(byte[] chw, ImageGeometry g) {
        int type = g.channels() == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY;
        BufferedImage image = new BufferedImage(g.width(), g.height(), type);
        WritableRaster raster = image.getRaster();
        for (int c = 0; c < g.channels(); c++) {
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    raster.setSample(x, y, c, chw[c * g.planeSize() + y * g.width() + x] & 0xFF);
                }
            }
        }
        return image;
    }

    private static byte[] fromImage(BufferedImage image, ImageGeometry g) {
        Raster raster = image.getRaster();
        if (raster.getNumBands() != g.channels() || image.getWidth() != g.width() || image.getHeight() != g.height()) {
            throw new IllegalStateException("JPEG decoded to " + raster.getNumBands() + " bands of "
                    + image.getWidth() + "x" + image.getHeight() + ", expected " + g);
        }
        byte[] out = new byte[g.imageSize()];
        for (int c = 0; c < g.channels(); c++) {
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    out[c * g.planeSize() + y * g.width() + x] = (byte) raster.getSample(x, y, c);
                }
            }
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage decode(byte[] encoded) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(in);
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG decoding failed", e);
        } finally {
            reader.dispose();
        }
    }
}
