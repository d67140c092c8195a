package org.plasticity.datasets.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.plasticity.datasets.DataFileException;

/**
 * A folder of images with one sub-folder per class, like torchvision's {@code ImageFolder}: the
 * class names are the sub-folder names sorted (by {@link String#compareTo}), label {@code k} is the
 * {@code k}-th name, and the images of a class are its {@code .png}, {@code .jpg} and
 * {@code .jpeg} files sorted by name. Images are decoded with ImageIO and must all have the same
 * size (nothing is resized). With one channel every image must be gray (a colour image whose
 * pixels all have R = G = B counts as gray); with three, gray images are repeated to RGB. Alpha is
 * ignored; images of more than 8 bits per channel are refused.
 *
 * @param classNames the class names, label order
 * @param images the images and their labels, class by class
 */
public record ImageFolder(List<String> classNames, LabeledImages images) {

    /** Copies the class names. */
    public ImageFolder {
        classNames = List.copyOf(classNames);
    }

    /**
     * @param folder the folder whose sub-folders are the classes
     * @param channels 1 (gray) or 3 (RGB)
     * @return the images, CHW
     * @throws DataFileException if the folder is missing or has no class, an image cannot be
     *     decoded, or differs in size or colour from what is asked
     */
    public static ImageFolder read(Path folder, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        List<Path> classDirs = sorted(folder, Files::isDirectory);
        if (classDirs.isEmpty()) {
            throw DataFileException.corrupt(folder, "has no class sub-folders (one folder per class,"
                    + " holding .png or .jpg images)");
        }
        List<String> names = new ArrayList<>();
        List<byte[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int rows = -1;
        int cols = -1;
        for (int label = 0; label < classDirs.size(); label++) {
            Path dir = classDirs.get(label);
            names.add(dir.getFileName().toString());
            for (Path file : sorted(dir, ImageFolder::isImage)) {
                BufferedImage image = decode(file);
                if (rows < 0) {
                    rows = image.getHeight();
                    cols = image.getWidth();
                } else if (image.getHeight() != rows || image.getWidth() != cols) {
                    throw DataFileException.corrupt(file, "is " + image.getWidth() + "x"
                            + image.getHeight() + " but the first image is " + cols + "x" + rows
                            + " (all images must have one size)");
                }
                pixels.add(planes(file, image, channels));
                labels.add(label);
            }
        }
        if (pixels.isEmpty()) {
            throw DataFileException.corrupt(folder, "has no .png or .jpg images in its class folders");
        }
        int size = channels * rows * cols;
        byte[] all = new byte[Math.multiplyExact(pixels.size(), size)];
        for (int i = 0; i < pixels.size(); i++) {
            System.arraycopy(pixels.get(i), 0, all, i * size, size);
        }
        ImageSet set = new ImageSet(all, pixels.size(), channels, rows, cols);
        return new ImageFolder(names, new LabeledImages(set,
                labels.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p)
                && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    private static List<Path> sorted(Path dir, Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(keep).sorted((a, b) -> a.getFileName().toString()
                    .compareTo(b.getFileName().toString())).toList();
        } catch (NoSuchFileException e) {
            throw DataFileException.missing(dir);
        } catch (IOException e) {
            throw DataFileException.unreadable(dir, "cannot list: " + e, e);
        }
    }

    private static BufferedImage decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw DataFileException.unreadable(file, "cannot decode image"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
        if (image == null) {
            throw DataFileException.corrupt(file, "not an image ImageIO can decode");
        }
        for (int size : image.getColorModel().getComponentSize()) {
            if (size > 8) {
                throw DataFileException.corrupt(file, "has " + size + " bits per channel; only 8-bit"
                        + " images are read");
            }
        }
        return image;
    }

    /** The image as planar bytes; gray models keep their sample, colour goes through sRGB. */
    private static byte[] planes(Path file, BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        byte[] out = new byte[channels * plane];
        boolean gray = image.getColorModel().getNumColorComponents() == 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (gray) {
                    byte v = (byte) image.getRaster().getSample(x, y, 0);
                    for (int c = 0; c < channels; c++) {
                        out[c * plane + p] = v;
                    }
                    continue;
                }
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (channels == 1) {
                    if (r != g || g != b) {
                        throw DataFileException.corrupt(file, "is a colour image but the folder is "
                                + "read as gray (1 channel); read it with 3 channels");
                    }
                    out[p] = (byte) r;
                } else {
                    out[p] = (byte) r;
                    out[plane + p] = (byte) g;
                    out[2 * plane + p] = (byte) b;
                }
            }
        }
        return out;
    }
}
