package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sweep specs for tests. */
final class Specs {
    private Specs() {
    }

    /** Writes {@code json} to {@code dir/name} and reads it as a spec. */
    static SweepSpec read(Path dir, String name, String json) {
        return SweepSpecReader.read(write(dir, name, json));
    }

    static Path write(Path dir, String name, String json) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
