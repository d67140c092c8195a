package org.plasticity.trainers.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The human-readable log of a run: each line goes to the console and, with a time stamp, to
 * {@code run.log} in the run directory (flushed per line, so a killed run keeps its log).
 */
public final class RunLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream console;
    private final BufferedWriter file;

    /**
     * @param console where lines are echoed, or null for none
     * @param file the log file, or null for none
     */
    public RunLog(PrintStream console, Path file) {
        this.console = console;
        try {
            this.file = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log that only prints to the console. */
    public static RunLog consoleOnly(PrintStream console) {
        return new RunLog(console, null);
    }

    /** Logs one line (formatted with {@link String#format} in the root locale). */
    public void info(String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
        if (console != null) {
            console.println(line);
            console.flush();
        }
        if (file != null) {
            try {
                file.write(LocalTime.now().format(TIME) + " " + line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
