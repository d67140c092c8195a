package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the error line a run printed in a console log. */
final class LogLines {
    private LogLines() {
    }

    /** The last line starting with {@code error:} or {@code internal error:}, or null. */
    static String lastError(Path log) {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith("error:") || line.startsWith("internal error:")) {
                return line;
            }
        }
        return null;
    }
}
