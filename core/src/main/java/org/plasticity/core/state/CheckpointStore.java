package org.plasticity.core.state;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of one run in a folder: {@code checkpoint-<n>.ckpt}, n increasing. A new
 * checkpoint is written to a temporary file, synced, renamed into place, and only then is the
 * previous one deleted, so a crash at any moment leaves at least one complete checkpoint. Each
 * file ends with the SHA-256 of its content; {@link #latest()} returns the newest file that
 * verifies, skipping damaged ones.
 *
 * <p>File layout: magic {@code PLASTICITY-CKPT1}, entry count, entries (name, kind, payload), then
 * the 32-byte digest of everything before it.
 */
public final class CheckpointStore {
    private static final byte[] MAGIC = "PLASTICITY-CKPT1".getBytes(StandardCharsets.US_ASCII);
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".ckpt";

    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    /** Writes a checkpoint atomically and removes the older ones; returns its file. */
    public Path save(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(dir);
        long next = files().stream().mapToLong(CheckpointStore::sequence).max().orElse(0) + 1;
        Path target = dir.resolve(PREFIX + next + SUFFIX);
        Path tmp = dir.resolve("." + PREFIX + next + SUFFIX + ".tmp");
        byte[] body = encode(checkpoint);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(body);
            out.write(digest(body));
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        for (Path old : files()) {
            if (sequence(old) < next) {
                Files.deleteIfExists(old);
            }
        }
        return target;
    }

    /** The newest checkpoint whose digest verifies, if any. */
    public Optional<Checkpoint> latest() throws IOException {
        List<Path> candidates = new ArrayList<>(files());
        candidates.sort(Comparator.comparingLong(CheckpointStore::sequence).reversed());
        for (Path p : candidates) {
            Optional<Checkpoint> c = read(p);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The checkpoint files present, in no particular order. */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX) && sequence(p) >= 0;
            }).toList();
        }
    }

    private static long sequence(Path p) {
        String n = p.getFileName().toString();
        try {
            return Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** Reads and verifies one file; empty when it is damaged. */
    public static Optional<Checkpoint> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 4 + 32) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(all, all.length - 32);
        byte[] stored = Arrays.copyOfRange(all, all.length - 32, all.length);
        if (!MessageDigest.isEqual(stored, digest(body))) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(new DataInputStream(new java.io.ByteArrayInputStream(body))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] encode(Checkpoint c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(c.entries().size());
            for (var e : c.entries().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeByte(e.getValue().kind().ordinal());
                switch (e.getValue().kind()) {
                    case TENSOR -> {
                        byte[] b = (byte[]) e.getValue().value();
                        out.writeInt(b.length);
                        out.write(b);
                    }
                    case LONGS -> {
                        long[] v = (long[]) e.getValue().value();
                        out.writeInt(v.length);
                        for (long x : v) {
                            out.writeLong(x);
                        }
                    }
                    case DOUBLES -> {
                        double[] v = (double[]) e.getValue().value();
                        out.writeInt(v.length);
                        for (double x : v) {
                            out.writeLong(Double.doubleToRawLongBits(x));
                        }
                    }
                    case STRING -> {
                        byte[] b = ((String) e.getValue().value()).getBytes(StandardCharsets.UTF_8);
                        out.writeInt(b.length);
                        out.write(b);
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        return bytes.toByteArray();
    }

    private static Checkpoint decode(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a Plasticity checkpoint");
        }
        Checkpoint c = new Checkpoint();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            Checkpoint.Kind kind = Checkpoint.Kind.values()[in.readByte()];
            int len = in.readInt();
            switch (kind) {
                case TENSOR -> c.entries().put(key, new Checkpoint.Entry(kind, readExactly(in, len)));
                case LONGS -> {
                    long[] v = new long[len];
                    for (int j = 0; j < len; j++) {
                        v[j] = in.readLong();
                    }
                    c.putLongs(key, v);
                }
                case DOUBLES -> {
                    double[] v = new double[len];
                    for (int j = 0; j < len; j++) {
                        v[j] = Double.longBitsToDouble(in.readLong());
                    }
                    c.putDoubles(key, v);
                }
                case STRING -> c.putString(key, new String(readExactly(in, len), StandardCharsets.UTF_8));
                default -> throw new IOException("unknown entry kind");
            }
        }
        return c;
    }

    private static byte[] readExactly(InputStream in, int len) throws IOException {
        byte[] b = in.readNBytes(len);
        if (b.length != len) {
            throw new IOException("truncated entry");
        }
        return b;
    }

    private static byte[] digest(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
