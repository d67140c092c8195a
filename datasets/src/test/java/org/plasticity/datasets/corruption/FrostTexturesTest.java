package org.plasticity.datasets.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;

class FrostTexturesTest {

    private static final int PHOTO_W = 200;
    private static final int PHOTO_H = 180;

    @TempDir
    Path dir;

    /** Five photos whose pixels encode their position, so a crop can be located. */
    private void writePhotos(int width, int height) throws IOException {
        for (int k = 0; k < 5; k++) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int r = (x * 5 + 40 * k) % 256;
                    int g = (y * 3 + 17 * k) % 256;
                    int b = (x + y) % 256;
                    img.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
            String name = FrostTextures.FILE_NAMES.get(k);
            ImageIO.write(img, name.endsWith(".png") ? "png" : "jpeg", dir.resolve(name).toFile());
        }
    }

    /** The photos as the test decodes them: RGB planes of each file. */
    private int[][][] decoded() throws IOException {
        int[][][] photos = new int[5][3][];
        for (int k = 0; k < 5; k++) {
            Raster raster = ImageIO.read(dir.resolve(FrostTextures.FILE_NAMES.get(k)).toFile()).getRaster();
            for (int c = 0; c < 3; c++) {
                photos[k][c] = raster.getSamples(0, 0, PHOTO_W, PHOTO_H, c, (int[]) null);
            }
        }
        return photos;
    }

    @Test
    void photosAreDecimatedByFiveCroppedAndBlended() throws IOException {
        writePhotos(PHOTO_W, PHOTO_H);
        ImageGeometry g = TestImages.RGB_32;
        Corruptor corruptor = new Corruptor(g, Optional.of(FrostTextures.load(dir)));
        assertTrue(corruptor.usesFrostPhotos());
        int[][][] photos = decoded();
        byte[] image = TestImages.natural(g, 1);
        Set<Integer> used = new HashSet<>();
        for (long seed = 0; seed < 12; seed++) {
            byte[] out = corruptor.apply(Corruption.FROST, 5, image, new SplittableRandom(seed));
            int found = locate(out, image, photos, 0.75, 0.45);
            assertTrue(found >= 0, "seed " + seed + ": no crop of the ×0.2 photos explains the output");
            used.add(found);
        }
        assertTrue(used.size() >= 3, "photos used: " + used);
    }

    /** @return the photo whose decimated (5i + 2, 5j + 2) pixels, cropped somewhere, give {@code out} */
    private static int locate(byte[] out, byte[] image, int[][][] photos, double a, double b) {
        int side = 32;
        int n = side * side;
        int h = PHOTO_H / 5;
        int w = PHOTO_W / 5;
        for (int k = 0; k < photos.length; k++) {
            for (int top = 0; top < h - side; top++) {
                for (int left = 0; left < w - side; left++) {
                    boolean all = true;
                    for (int c = 0; c < 3 && all; c++) {
                        for (int i = 0; i < n && all; i++) {
                            int py = 5 * (top + i / side) + 2;
                            int px = 5 * (left + i % side) + 2;
                            double v = a * (image[c * n + i] & 0xFF) + b * photos[k][c][py * PHOTO_W + px];
                            all = (int) Math.min(255, v) == (out[c * n + i] & 0xFF);
                        }
                    }
                    if (all) {
                        return k;
                    }
                }
            }
        }
        return -1;
    }

    @Test
    void greyImagesUseThePhotosToo() throws IOException {
        writePhotos(PHOTO_W, PHOTO_H);
        Corruptor corruptor = new Corruptor(TestImages.GREY_28, Optional.of(FrostTextures.load(dir)));
        byte[] image = TestImages.natural(TestImages.GREY_28, 2);
        byte[] withPhotos = corruptor.apply(Corruption.FROST, 3, image, new SplittableRandom(4));
        byte[] procedural = new Corruptor(TestImages.GREY_28).apply(Corruption.FROST, 3, image, new SplittableRandom(4));
        assertTrue(corruptor.usesFrostPhotos());
        assertTrue(!java.util.Arrays.equals(withPhotos, procedural));
    }

    @Test
    void aMissingPhotoIsNamed() throws IOException {
        writePhotos(PHOTO_W, PHOTO_H);
        Path missing = dir.resolve("frost3.png");
        Files.delete(missing);
        DataFileException e = assertThrows(DataFileException.class, () -> FrostTextures.load(dir));
        assertEquals(missing.toAbsolutePath().normalize(), e.path());
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().normalize().toString()), e.getMessage());
        assertThrows(DataFileException.class, () -> FrostTextures.load(dir.resolve("nowhere")));
    }

    @Test
    void anUndecodablePhotoIsNamed() throws IOException {
        writePhotos(PHOTO_W, PHOTO_H);
        Path bad = dir.resolve("frost4.jpg");
        Files.writeString(bad, "not an image");
        DataFileException e = assertThrows(DataFileException.class, () -> FrostTextures.load(dir));
        assertEquals(bad.toAbsolutePath().normalize(), e.path());
        assertTrue(e.getMessage().contains("frost4.jpg"), e.getMessage());
    }

    @Test
    void aPhotoTooSmallForTheCropIsNamed() throws IOException {
        writePhotos(160, 160);     // ×0.2 gives 32 px: no room for a 32 px crop
        FrostTextures frost = FrostTextures.load(dir);
        DataFileException e = assertThrows(DataFileException.class,
                () -> new Corruptor(TestImages.RGB_32, Optional.of(frost)));
        assertTrue(e.getMessage().contains("frost1.png"), e.getMessage());
    }
}
