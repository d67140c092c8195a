package org.plasticity.trainers.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns config text and overrides into a validated {@link ExperimentConfig}: parse, apply overrides, fill defaults
 * and check types, bind strictly, validate. Every failure is a {@link ConfigException}.
 */
final class ConfigReader {

    private final ObjectMapper mapper;
    private final DefaultsResolver resolver;

    ConfigReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.resolver = new DefaultsResolver(mapper);
    }

    ExperimentConfig read(String json, String source, List<String> overrideTexts) {
        ObjectNode tree = JsonDocuments.readObject(mapper, json, source);
        List<ConfigOverride> overrides = overrideTexts.stream()
                .map(text -> ConfigOverride.parse(text, mapper))
                .toList();
        // Indexing into an array the user left out needs the array it would resolve to; problems are of no interest
        // there, as they are all reported after the overrides are in.
        OverrideApplier applier = new OverrideApplier(
                path -> PathSegment.find(resolver.resolve(tree, ConfigProblems.root()), path));
        for (ConfigOverride override : overrides) {
            applier.apply(tree, override);
        }
        Provenance provenance = new Provenance(source, overrides);
        ConfigProblems problems = ConfigProblems.root();
        ObjectNode resolved = resolver.resolve(tree, problems);
        provenance.throwIfAny(problems);
        ExperimentConfig config = bind(resolved, provenance);
        config.validate(problems);
        provenance.throwIfAny(problems);
        return config;
    }

    /** Validates a config built in code, naming {@code source} in messages. */
    static void validate(ExperimentConfig config, String source) {
        ConfigProblems problems = ConfigProblems.root();
        config.validate(problems);
        new Provenance(source, List.of()).throwIfAny(problems);
    }

    private ExperimentConfig bind(ObjectNode resolved, Provenance provenance) {
        try {
            return mapper.treeToValue(resolved, ExperimentConfig.class);
        } catch (JsonMappingException e) {
            String path = pathOf(e.getPath());
            throw new ConfigException(provenance.sourceOf(path) + ": " + new ConfigProblem(path,
                    e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ")));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ConfigException(provenance.sourceOf("") + ": " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        String path = "";
        for (JsonMappingException.Reference reference : references) {
            path = reference.getFieldName() != null
                    ? ConfigProblems.child(path, reference.getFieldName())
                    : ConfigProblems.element(path, reference.getIndex());
        }
        return path;
    }
}
