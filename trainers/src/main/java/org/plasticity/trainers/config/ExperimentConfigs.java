package org.plasticity.trainers.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads, validates and writes experiment configs.
 *
 * <p>Reading is strict: unknown keys, values of the wrong JSON type (no coercion of strings to numbers, no 1.5 for an
 * integer, no null where a value is required) and malformed JSON all fail. Every key may be omitted and takes its
 * default; a polymorphic node ({@code model.neuron}, {@code training.optimizer}, ...) takes the defaults of the type
 * its {@code type} key names. Overrides of the form {@code path=value} are applied to the user's JSON before the
 * defaults, so setting a {@code type} switches the defaults too. The result is validated, including rules between
 * fields. Every failure is a {@link ConfigException} with a one-line message naming the source and the JSON path.
 */
public final class ExperimentConfigs {

    // Built once and never reconfigured; Jackson mappers are thread-safe in that state.
    private static final JsonMapper MAPPER = ConfigMapper.create();

    private ExperimentConfigs() {
    }

    /**
     * Reads a config file.
     *
     * @param file      a UTF-8 JSON file holding one object
     * @param overrides {@code --set} texts such as {@code model.hidden[0]=400}, applied in order
     * @return the validated config
     * @throws ConfigException if the file cannot be read or the config is invalid
     */
    public static ExperimentConfig read(Path file, List<String> overrides) {
        String source = file.toString();
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigException(source + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e);
        }
        return parse(json, source, overrides);
    }

    /**
     * Reads config text.
     *
     * @param json       JSON text holding one object
     * @param sourceName what messages call the text, usually its file name
     * @param overrides  {@code --set} texts such as {@code training.optimizer.lr=0.01}, applied in order
     * @return the validated config
     * @throws ConfigException if the config is invalid
     */
    public static ExperimentConfig parse(String json, String sourceName, List<String> overrides) {
        return new ConfigReader(MAPPER).read(json, sourceName, overrides);
    }

    /**
     * Validates a config built in code, with the same checks as reading.
     *
     * @param config     the config
     * @param sourceName what messages call the config
     * @throws ConfigException if the config is invalid
     */
    public static void validate(ExperimentConfig config, String sourceName) {
        ConfigReader.validate(config, sourceName);
    }

    /**
     * Writes a config as pretty JSON with every key present; reading it back gives an equal config.
     *
     * @param config the config
     * @return the JSON text, without a final newline
     */
    public static String toJson(ExperimentConfig config) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write config " + config, e);
        }
    }

    /**
     * Writes the fully defaulted config, what an empty object reads as, for {@code validate --print} and docs.
     *
     * @return the JSON text, without a final newline
     */
    public static String defaultsJson() {
        return toJson(parse("{}", "defaults", List.of()));
    }
}
