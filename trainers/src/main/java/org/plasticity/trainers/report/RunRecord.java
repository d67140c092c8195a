package org.plasticity.trainers.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.run.RunDirectory;

/**
 * One run folder as the report sees it: its resolved config, its metrics when it finished, and otherwise what its
 * sweep status file says.
 *
 * @param dir     the run folder
 * @param label   a short name for it in tables (its path below the report's input folder)
 * @param config  {@code config.json}
 * @param metrics {@code metrics.json}, or null when the run did not finish
 * @param state   {@code completed}, {@code failed}, {@code stopped}, {@code running} or {@code incomplete}
 * @param reason  why it failed or stopped, or null
 */
public record RunRecord(Path dir, String label, JsonNode config, JsonNode metrics, String state, String reason) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public RunRecord {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(config, "config");
    }

    /**
     * Loads a run folder.
     *
     * @param dir   a folder with {@code config.json}
     * @param label its name in tables
     * @return the record
     * @throws UserError when a file is not valid JSON
     */
    public static RunRecord load(Path dir, String label) {
        JsonNode config = read(dir.resolve(RunDirectory.CONFIG));
        Path metricsFile = dir.resolve(RunDirectory.METRICS);
        if (Files.isRegularFile(metricsFile)) {
            return new RunRecord(dir, label, config, read(metricsFile), "completed", null);
        }
        Path status = dir.resolve("sweep-status.json");
        if (Files.isRegularFile(status)) {
            JsonNode s = read(status);
            String state = s.path("state").asText("incomplete");
            String reason = s.hasNonNull("reason") ? s.get("reason").asText() : null;
            return new RunRecord(dir, label, config, null, state, reason);
        }
        return new RunRecord(dir, label, config, null, "incomplete", "no metrics.json");
    }

    /** Whether the run finished. */
    public boolean completed() {
        return metrics != null;
    }

    /** The run's name (config {@code name}). */
    public String name() {
        return metrics != null && metrics.hasNonNull("name") ? metrics.get("name").asText() : config.path("name").asText();
    }

    /** The method label the trainer gave the run (metrics {@code method}), e.g. {@code finetune+hlop}. */
    public String method() {
        if (metrics != null && metrics.hasNonNull("method")) {
            return metrics.get("method").asText();
        }
        return config.path("method").path("type").asText("?");
    }

    /** The training method (metrics {@code trainingMethod}, else config {@code training.method}). */
    public String trainingMethod() {
        if (metrics != null && metrics.hasNonNull("trainingMethod")) {
            return metrics.get("trainingMethod").asText();
        }
        return config.path("training").path("method").asText("?");
    }

    /** The run's seed. */
    public long seed() {
        return config.path("seed").asLong();
    }

    /** ACC (fraction), or NaN. */
    public double acc() {
        return number("acc");
    }

    /** BWT (fraction), or NaN. */
    public double bwt() {
        return number("bwt");
    }

    /** FWT (fraction), or NaN. */
    public double fwt() {
        return number("fwt");
    }

    /** Wall time in seconds, or NaN. */
    public double wallSeconds() {
        return number("wallTimeSeconds");
    }

    /**
     * The accuracy matrix: row i = after training task i, column j = task j; NaN where not measured.
     *
     * @return the matrix, empty when the run did not finish
     */
    public double[][] accMatrix() {
        if (metrics == null || !metrics.path("accMatrix").isArray()) {
            return new double[0][0];
        }
        JsonNode rows = metrics.get("accMatrix");
        int cols = 0;
        for (JsonNode row : rows) {
            cols = Math.max(cols, row.size());
        }
        double[][] m = new double[rows.size()][cols];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols; j++) {
                JsonNode v = rows.get(i).get(j);
                m[i][j] = v == null || !v.isNumber() ? Double.NaN : v.asDouble();
            }
        }
        return m;
    }

    private double number(String field) {
        if (metrics == null) {
            return Double.NaN;
        }
        JsonNode v = metrics.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new UserError(file + ": not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "));
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
