package org.plasticity.datasets.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.plasticity.datasets.DataFileException;

/** Reads a whole data file into memory, gunzipping it when it starts with the gzip magic 1F 8B. */
final class DataBytes {

    private DataBytes() {}

    /**
     * @param file the file
     * @return its content, decompressed if it is gzip
     * @throws DataFileException if the file is missing, unreadable or not valid gzip
     */
    static byte[] read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw DataFileException.missing(file);
        } catch (IOException e) {
            throw DataFileException.unreadable(file, "cannot read: " + e, e);
        }
        if (!isGzip(raw)) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw DataFileException.unreadable(file, "broken gzip data: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(byte[] raw) {
        return raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B;
    }
}
