package org.plasticity.trainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a small, learnable MNIST-format data set (IDX files) into a temporary data root: each
 * class lights up its own band of pixels, plus noise.
 */
public final class SmallMnist {
    private SmallMnist() {
    }

    /** Writes {@code <root>/mnist/{train,t10k}-*} with the given sizes and returns the root. */
    public static Path write(Path root, int train, int test, long seed) {
        try {
            Path dir = Files.createDirectories(root.resolve("mnist"));
            Random random = new Random(seed);
            write(dir, "train", train, random);
            write(dir, "t10k", test, random);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path dir, String split, int n, Random random) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + n * 784);
        images.putInt(0x00000803).putInt(n).putInt(28).putInt(28);
        ByteBuffer labels = ByteBuffer.allocate(8 + n);
        labels.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(10);
            labels.put((byte) label);
            for (int p = 0; p < 784; p++) {
                boolean band = p / 78 == label;
                int v = band ? 150 + random.nextInt(100) : random.nextInt(60);
                images.put((byte) v);
            }
        }
        Files.write(dir.resolve(split + "-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve(split + "-labels-idx1-ubyte"), labels.array());
    }

    /** The data root used by tests that need the real MNIST, or null when it is not there. */
    public static Path realRoot() {
        String env = System.getenv("PLASTICITY_DATA");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "data");
        return Files.exists(root.resolve("mnist").resolve("train-images-idx3-ubyte")) ? root : null;
    }
}
