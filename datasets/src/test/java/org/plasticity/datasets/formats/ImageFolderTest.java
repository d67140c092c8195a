package org.plasticity.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;

class ImageFolderTest {

    @TempDir
    Path tmp;

    /** A 3x2 RGB PNG whose pixel (x, y) is (base + x, base + 10 y, base + 20). */
    private Path rgb(String path, int base) throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, ((base + x) << 16) | ((base + 10 * y) << 8) | (base + 20));
            }
        }
        return save(path, image);
    }

    /** A 3x2 gray PNG whose pixel (x, y) is base + x + 3 y. */
    private Path gray(String path, int base) throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.getRaster().setSample(x, y, 0, base + x + 3 * y);
            }
        }
        return save(path, image);
    }

    private Path save(String path, BufferedImage image) throws IOException {
        Path f = tmp.resolve(path);
        Files.createDirectories(f.getParent());
        ImageIO.write(image, "png", f.toFile());
        return f;
    }

    @Test
    void sortedClassFoldersGiveLabelsAndImagesArePlanar() throws IOException {
        rgb("set/zebra/b.png", 100);
        rgb("set/zebra/a.png", 50);
        rgb("set/ant/only.png", 1);
        Files.writeString(tmp.resolve("set/ant/notes.txt"), "not an image");
        ImageFolder f = ImageFolder.read(tmp.resolve("set"), 3);
        assertEquals(List.of("ant", "zebra"), f.classNames());
        assertArrayEquals(new int[] {0, 1, 1}, f.images().labels());
        ImageSet images = f.images().images();
        assertEquals(3, images.channels());
        // image 1 is zebra/a.png (base 50): R plane x + 50, G plane 50 + 10 y, B plane 70
        assertArrayEquals(new int[] {50, 51, 52, 50, 51, 52, 50, 50, 50, 60, 60, 60, 70, 70, 70, 70, 70, 70},
                java.util.stream.IntStream.range(0, 18).map(k -> images.pixel(1, k)).toArray());
    }

    @Test
    void grayImagesAreReadAsOneChannelOrRepeatedToThree() throws IOException {
        gray("g/a/x.png", 10);
        ImageSet one = ImageFolder.read(tmp.resolve("g"), 1).images().images();
        assertArrayEquals(new int[] {10, 11, 12, 13, 14, 15},
                java.util.stream.IntStream.range(0, 6).map(k -> one.pixel(0, k)).toArray());
        ImageSet three = ImageFolder.read(tmp.resolve("g"), 3).images().images();
        assertEquals(13, three.pixel(0, 2 * 6 + 3));
    }

    @Test
    void mixedSizesColourAsGrayAndBrokenFilesAreRefused() throws IOException {
        rgb("c/a/x.png", 1);
        DataFileException colour = assertThrows(DataFileException.class, () -> ImageFolder.read(tmp.resolve("c"), 1));
        assertTrue(colour.getMessage().contains("x.png") && colour.getMessage().contains("colour"), colour.getMessage());
        save("s/a/big.png", new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY));
        gray("s/b/small.png", 0);
        DataFileException size = assertThrows(DataFileException.class, () -> ImageFolder.read(tmp.resolve("s"), 1));
        assertTrue(size.getMessage().contains("small.png") && size.getMessage().contains("one size"), size.getMessage());
        Files.createDirectories(tmp.resolve("b/a"));
        Files.write(tmp.resolve("b/a/broken.png"), new byte[] {1, 2, 3});
        DataFileException broken = assertThrows(DataFileException.class, () -> ImageFolder.read(tmp.resolve("b"), 1));
        assertTrue(broken.getMessage().contains("broken.png"), broken.getMessage());
        assertThrows(DataFileException.class, () -> ImageFolder.read(tmp.resolve("nowhere"), 1));
    }
}
