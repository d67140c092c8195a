package org.plasticity.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A user error about a data file: missing, unreadable or malformed. The message names the file by
 * its absolute path and says what to do about it.
 */
public class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /**
     * @param path the file the problem is about
     * @param message the full message; it should contain the absolute path and a remedy
     */
    public DataFileException(Path path, String message) {
        super(message);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * @param path the file the problem is about
     * @param message the full message; it should contain the absolute path and a remedy
     * @param cause the underlying I/O failure
     */
    public DataFileException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * A file that does not exist.
     *
     * @param path the absent file
     * @return an exception whose message names the file and how to fetch it
     */
    public static DataFileException missing(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return new DataFileException(
                abs, "data file not found: " + abs + " — " + FetchHint.forFile(abs));
    }

    /**
     * A file that exists but whose content is wrong.
     *
     * @param path the bad file
     * @param problem what is wrong, e.g. {@code truncated: expected 7840016 bytes, found 1000}
     * @return an exception whose message names the file, the problem and how to replace the file
     */
    public static DataFileException corrupt(Path path, String problem) {
        Path abs = path.toAbsolutePath().normalize();
        return new DataFileException(abs, corruptMessage(abs, problem));
    }

    /**
     * A file that could not be read or decompressed.
     *
     * @param path the bad file
     * @param problem what went wrong
     * @param cause the underlying I/O failure
     * @return an exception whose message names the file, the problem and how to replace the file
     */
    public static DataFileException unreadable(Path path, String problem, Throwable cause) {
        Path abs = path.toAbsolutePath().normalize();
        return new DataFileException(abs, corruptMessage(abs, problem), cause);
    }

    private static String corruptMessage(Path abs, String problem) {
        return "bad data file " + abs + ": " + problem + " — " + FetchHint.forReplacing(abs);
    }

    /** @return the absolute path of the file the problem is about */
    public Path path() {
        return path;
    }
}
