package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.RunNames;

/**
 * Reads a sweep spec strictly: unknown keys, wrong JSON types, empty or unequal lists and keys set twice are errors,
 * each reported in one line as {@code <spec file>: <JSON path>: <what was expected>}. The base config's own keys are
 * checked when the runs are expanded ({@link SweepExpander}).
 */
public final class SweepSpecReader {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> TOP = Set.of("name", "description", "base", "set", "axes", "seeds", "out", "slurm");
    private static final Set<String> AXIS_KINDS = Set.of("grid", "zip", "random");
    private static final Set<String> RANDOM_KEYS = Set.of("seed", "count", "values");
    private static final Set<String> DISTRIBUTIONS = Set.of("uniform", "logUniform", "int", "choice");
    private static final Set<String> SLURM_KEYS = Set.of("partition", "time", "mem", "cpusPerTask", "gpus",
            "maxConcurrent", "signalSeconds", "requeue", "extra");

    private final String source;

    private SweepSpecReader(String source) {
        this.source = source;
    }

    /**
     * Reads a spec file.
     *
     * @param file the spec (JSON)
     * @return the spec
     * @throws UserError naming the file and JSON path of any problem
     */
    public static SweepSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such sweep spec");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        return new SweepSpecReader(file.toString()).parse(file, text);
    }

    private SweepSpec parse(Path file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new UserError(source + ": not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "));
        }
        if (root == null || !root.isObject()) {
            throw fail("", "expected a JSON object");
        }
        keys(root, "", TOP);
        String name = root.has("name") ? text(root.get("name"), "name") : defaultName(file);
        RunNames.problem(name).ifPresent(problem -> {
            throw fail("name", problem);
        });
        if (!root.has("base")) {
            throw fail("base", "missing: expected the base config's file (relative to the spec) or a config object");
        }
        JsonNode base = root.get("base");
        String baseJson;
        String baseSource;
        if (base.isTextual()) {
            Path baseFile = resolveSibling(file, base.asText());
            try {
                baseJson = Files.readString(baseFile);
            } catch (NoSuchFileException e) {
                throw fail("base", "no such config file " + baseFile);
            } catch (IOException e) {
                throw fail("base", "cannot read " + baseFile + ": " + e.getMessage());
            }
            baseSource = baseFile.toString();
        } else if (base.isObject()) {
            baseJson = base.toString();
            baseSource = source + " base";
        } else {
            throw fail("base", "expected a file name or a config object, got " + kind(base));
        }
        Map<String, String> taken = new HashMap<>();
        List<Setting> set = new ArrayList<>();
        if (root.has("set")) {
            JsonNode node = object(root.get("set"), "set");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String origin = SpecPaths.key("set", e.getKey());
                claim(taken, e.getKey(), origin);
                set.add(new Setting(e.getKey(), e.getValue(), origin));
            }
        }
        List<Axis> axes = new ArrayList<>();
        if (root.has("axes")) {
            JsonNode node = array(root.get("axes"), "axes");
            for (int i = 0; i < node.size(); i++) {
                axes.add(axis(node.get(i), SpecPaths.index("axes", i), taken));
            }
        }
        List<Long> seeds = new ArrayList<>();
        if (root.has("seeds")) {
            JsonNode node = array(root.get("seeds"), "seeds");
            if (!node.isEmpty()) {
                claim(taken, "seed", "seeds");
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String path = SpecPaths.index("seeds", i);
                long seed = integer(node.get(i), path);
                if (!seen.add(seed)) {
                    throw fail(path, "seed " + seed + " is listed twice");
                }
                seeds.add(seed);
            }
        }
        String out = root.has("out") ? nonEmpty(root.get("out"), "out") : null;
        SlurmSettings slurm = root.has("slurm") ? slurm(root.get("slurm")) : SlurmSettings.DEFAULTS;
        return new SweepSpec(file, name, baseJson, baseSource, set, axes, seeds, out, slurm);
    }

    private Axis axis(JsonNode node, String path, Map<String, String> taken) {
        object(node, path);
        if (node.size() != 1 || !AXIS_KINDS.contains(node.fieldNames().next())) {
            throw fail(path, "expected an object with exactly one of \"grid\", \"zip\" or \"random\"");
        }
        String kind = node.fieldNames().next();
        String here = path + "." + kind;
        JsonNode body = object(node.get(kind), here);
        return switch (kind) {
            case "grid" -> new Axis.Grid(here, lists(body, here, taken, false));
            case "zip" -> new Axis.Zip(here, lists(body, here, taken, true));
            default -> random(body, here, taken);
        };
    }

    private Map<String, List<JsonNode>> lists(JsonNode body, String path, Map<String, String> taken, boolean equal) {
        if (body.isEmpty()) {
            throw fail(path, "expected at least one key: a config path with its list of values");
        }
        Map<String, List<JsonNode>> values = new LinkedHashMap<>();
        String firstKey = null;
        int firstSize = -1;
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String here = SpecPaths.key(path, e.getKey());
            JsonNode list = array(e.getValue(), here);
            if (list.isEmpty()) {
                throw fail(here, "expected at least one value");
            }
            if (equal && firstKey != null && list.size() != firstSize) {
                throw fail(here, "expected " + firstSize + " values, as many as \"" + firstKey + "\" (zipped lists"
                        + " pair their values by position), got " + list.size());
            }
            if (firstKey == null) {
                firstKey = e.getKey();
                firstSize = list.size();
            }
            claim(taken, e.getKey(), here);
            List<JsonNode> items = new ArrayList<>();
            list.forEach(items::add);
            values.put(e.getKey(), items);
        }
        return values;
    }

    private Axis random(JsonNode body, String path, Map<String, String> taken) {
        keys(body, path, RANDOM_KEYS);
        for (String required : List.of("seed", "count", "values")) {
            if (!body.has(required)) {
                throw fail(path + "." + required, "missing");
            }
        }
        long seed = integer(body.get("seed"), path + ".seed");
        long count = integer(body.get("count"), path + ".count");
        if (count < 1 || count > 100_000) {
            throw fail(path + ".count", "expected 1 to 100000 draws, got " + count);
        }
        JsonNode values = object(body.get("values"), path + ".values");
        if (values.isEmpty()) {
            throw fail(path + ".values", "expected at least one key: a config path with its distribution");
        }
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            String here = SpecPaths.key(path + ".values", e.getKey());
            claim(taken, e.getKey(), here);
            distributions.put(e.getKey(), distribution(e.getValue(), here));
        }
        return new Axis.RandomDraws(path, seed, (int) count, distributions);
    }

    private Distribution distribution(JsonNode node, String path) {
        object(node, path);
        if (node.size() != 1 || !DISTRIBUTIONS.contains(node.fieldNames().next())) {
            throw fail(path, "expected an object with exactly one of \"uniform\", \"logUniform\", \"int\" "
                    + "(each [low, high]) or \"choice\" (a list of values)");
        }
        String kind = node.fieldNames().next();
        String here = path + "." + kind;
        JsonNode args = array(node.get(kind), here);
        if (kind.equals("choice")) {
            if (args.isEmpty()) {
                throw fail(here, "expected at least one value");
            }
            List<JsonNode> options = new ArrayList<>();
            args.forEach(options::add);
            return new Distribution.Choice(options);
        }
        if (args.size() != 2) {
            throw fail(here, "expected [low, high], got " + args.size() + " values");
        }
        if (kind.equals("int")) {
            long low = integer(args.get(0), here + "[0]");
            long high = integer(args.get(1), here + "[1]");
            if (low > high) {
                throw fail(here, "expected low <= high, got [" + low + ", " + high + "]");
            }
            return new Distribution.IntRange(low, high);
        }
        double low = number(args.get(0), here + "[0]");
        double high = number(args.get(1), here + "[1]");
        if (!(low < high)) {
            throw fail(here, "expected low < high, got [" + low + ", " + high + "]");
        }
        if (kind.equals("logUniform") && low <= 0) {
            throw fail(here, "expected low > 0 for a log-uniform draw, got " + low);
        }
        return kind.equals("uniform") ? new Distribution.Uniform(low, high) : new Distribution.LogUniform(low, high);
    }

    private SlurmSettings slurm(JsonNode node) {
        object(node, "slurm");
        keys(node, "slurm", SLURM_KEYS);
        SlurmSettings s = SlurmSettings.DEFAULTS;
        if (node.has("partition") && !node.get("partition").isNull()) {
            s = s.withPartition(nonEmpty(node.get("partition"), "slurm.partition"));
        }
        if (node.has("time")) {
            s = s.withTime(nonEmpty(node.get("time"), "slurm.time"));
        }
        if (node.has("mem")) {
            s = s.withMem(nonEmpty(node.get("mem"), "slurm.mem"));
        }
        if (node.has("cpusPerTask")) {
            s = s.withCpusPerTask((int) atLeast(node.get("cpusPerTask"), "slurm.cpusPerTask", 1));
        }
        if (node.has("gpus") && !node.get("gpus").isNull()) {
            s = s.withGpus((int) atLeast(node.get("gpus"), "slurm.gpus", 0));
        }
        if (node.has("maxConcurrent") && !node.get("maxConcurrent").isNull()) {
            s = s.withMaxConcurrent((int) atLeast(node.get("maxConcurrent"), "slurm.maxConcurrent", 1));
        }
        if (node.has("signalSeconds")) {
            s = s.withSignalSeconds((int) atLeast(node.get("signalSeconds"), "slurm.signalSeconds", 0));
        }
        if (node.has("requeue")) {
            if (!node.get("requeue").isBoolean()) {
                throw fail("slurm.requeue", "expected true or false, got " + kind(node.get("requeue")));
            }
            s = s.withRequeue(node.get("requeue").asBoolean());
        }
        if (node.has("extra")) {
            JsonNode extra = array(node.get("extra"), "slurm.extra");
            List<String> options = new ArrayList<>();
            for (int i = 0; i < extra.size(); i++) {
                String option = nonEmpty(extra.get(i), SpecPaths.index("slurm.extra", i));
                if (!option.startsWith("-") || option.contains("\n")) {
                    throw fail(SpecPaths.index("slurm.extra", i), "expected one sbatch option such as "
                            + "\"--account=proj\", got \"" + option + "\"");
                }
                options.add(option);
            }
            s = new SlurmSettings(s.partition(), s.time(), s.mem(), s.cpusPerTask(), s.gpus(), s.maxConcurrent(),
                    s.signalSeconds(), s.requeue(), options);
        }
        return s;
    }

    private void claim(Map<String, String> taken, String key, String origin) {
        String before = taken.putIfAbsent(key, origin);
        if (before != null) {
            throw fail(origin, "\"" + key + "\" is already set by " + before + "; set each config key in one place");
        }
    }

    private void keys(JsonNode node, String path, Set<String> allowed) {
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(key)) {
                throw fail(SpecPaths.key(path, key), "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private JsonNode object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw fail(path, "expected an object, got " + kind(node));
        }
        return node;
    }

    private JsonNode array(JsonNode node, String path) {
        if (!node.isArray()) {
            throw fail(path, "expected a list, got " + kind(node));
        }
        return node;
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw fail(path, "expected a string, got " + kind(node));
        }
        return node.asText();
    }

    private String nonEmpty(JsonNode node, String path) {
        String text = text(node, path);
        if (text.isBlank()) {
            throw fail(path, "expected a non-empty string");
        }
        return text;
    }

    private long integer(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw fail(path, "expected an integer, got " + kind(node));
        }
        return node.asLong();
    }

    private long atLeast(JsonNode node, String path, long min) {
        long value = integer(node, path);
        if (value < min) {
            throw fail(path, "expected an integer >= " + min + ", got " + value);
        }
        return value;
    }

    private double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw fail(path, "expected a number, got " + kind(node));
        }
        return node.asDouble();
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string \"" + node.asText() + "\"";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.toString();
        }
        return node.isArray() ? "a list" : "an object";
    }

    private UserError fail(String path, String message) {
        return new UserError(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    private static String defaultName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    private static Path resolveSibling(Path spec, String relative) {
        Path p = Path.of(relative);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = spec.toAbsolutePath().getParent();
        return dir.resolve(p).normalize();
    }
}
