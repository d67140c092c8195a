package org.plasticity.datasets.corruption;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.plasticity.datasets.DataFileException;

/**
 * The five frost photographs the reference blends into images ({@code frost1.png},
 * {@code frost2.png}, {@code frost3.png}, {@code frost4.jpg}, {@code frost5.jpg} of
 * hendrycks/robustness {@code ImageNet-C/create_c}; the reference never picks its sixth file). They
 * are not redistributable with Plasticity: the user puts them in a folder. Read with ImageIO as
 * 8-bit RGB; alpha is dropped and grey photos are repeated over the three channels, as OpenCV's
 * {@code imread} does; 16-bit samples are scaled to 8 bits.
 */
public final class FrostTextures {

    /** The file names, in the reference's index order. */
    public static final List<String> FILE_NAMES =
            List.of("frost1.png", "frost2.png", "frost3.png", "frost4.jpg", "frost5.jpg");

    private final List<Photo> photos;

    private FrostTextures(List<Photo> photos) {
        this.photos = List.copyOf(photos);
    }

    /**
     * @param folder the folder that holds the five files
     * @return the decoded photos
     * @throws DataFileException naming the first file that is missing or cannot be decoded
     */
    public static FrostTextures load(Path folder) {
        List<Photo> photos = new ArrayList<>();
        for (String name : FILE_NAMES) {
            photos.add(read(folder.resolve(name)));
        }
        return new FrostTextures(photos);
    }

    /** @return the photos in file order */
    List<Photo> photos() {
        return photos;
    }

    private static Photo read(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new DataFileException(abs, "frost photo not found: " + abs + " — copy "
                    + String.join(", ", FILE_NAMES) + " from hendrycks/robustness ImageNet-C/create_c"
                    + " into " + abs.getParent() + ", or give no frost folder to use the procedural substitute");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(abs.toFile());
        } catch (IOException | RuntimeException e) {
            throw DataFileException.unreadable(abs, "cannot decode the frost photo (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw DataFileException.corrupt(abs, "not a PNG or JPEG image ImageIO can decode");
        }
        return Photo.of(abs, image);
    }

    /**
     * One photo as 8-bit RGB planes.
     *
     * @param source the file it was read from
     * @param height rows
     * @param width columns
     * @param rgb three planes, row-major, 0..255
     */
    record Photo(Path source, int height, int width, int[][] rgb) {

        static Photo of(Path source, BufferedImage image) {
            int h = image.getHeight();
            int w = image.getWidth();
            int[][] rgb = new int[3][h * w];
            Raster raster = image.getRaster();
            boolean indexed = image.getColorModel() instanceof IndexColorModel;
            int bands = raster.getNumBands();
            int bits = image.getColorModel().getComponentSize(0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = indexed ? image.getRGB(x, y) : 0;
                    for (int c = 0; c < 3; c++) {
                        rgb[c][y * w + x] = indexed
                                ? (argb >> (16 - 8 * c)) & 0xFF
                                : to8Bit(raster.getSample(x, y, bands >= 3 ? c : 0), bits);
                    }
                }
            }
            return new Photo(source, h, w, rgb);
        }

        private static int to8Bit(int sample, int bits) {
            if (bits == 8) {
                return sample;
            }
            return bits > 8 ? (int) Math.min(255, Math.rint(sample / 256.0)) : sample * 255 / ((1 << bits) - 1);
        }
    }
}
