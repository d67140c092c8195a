package org.plasticity.trainers.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.plasticity.trainers.UserError;

/**
 * Groups completed runs for the summary table, pooling seeds. By default the keys are the run's name, its method
 * label and its training method (metrics.json {@code name}, {@code method}, {@code trainingMethod}); any other config
 * key whose value differs inside such a group (say a swept learning rate) is added, so that different settings are
 * never averaged together. With explicit keys, the runs are grouped by those dotted config.json paths only.
 *
 * @param keys     the keys, in column order
 * @param added    the config keys the default grouping added (empty for explicit keys)
 * @param groups   the groups, sorted by their values
 */
public record Grouping(List<String> keys, List<String> added, List<RunGroup> groups) {

    /** The default keys: fields of metrics.json. */
    public static final List<String> DEFAULT_KEYS = List.of("name", "method", "trainingMethod");

    public Grouping {
        keys = List.copyOf(keys);
        added = List.copyOf(added);
        groups = List.copyOf(groups);
    }

    /**
     * The default grouping.
     *
     * @param runs completed runs
     * @return the grouping
     */
    public static Grouping byDefault(List<RunRecord> runs) {
        Grouping plain = group(runs, DEFAULT_KEYS);
        Set<String> varying = new LinkedHashSet<>();
        for (RunGroup g : plain.groups()) {
            Map<String, Set<String>> values = new TreeMap<>();
            Set<String> paths = new HashSet<>();
            g.runs().forEach(r -> paths.addAll(ConfigPaths.leaves(r.config()).keySet()));
            for (RunRecord r : g.runs()) {
                Map<String, String> leaves = ConfigPaths.leaves(r.config());
                for (String p : paths) {
                    values.computeIfAbsent(p, k -> new HashSet<>()).add(String.valueOf(leaves.get(p)));
                }
            }
            values.forEach((p, v) -> {
                if (v.size() > 1 && !ignored(p)) {
                    varying.add(p);
                }
            });
        }
        if (varying.isEmpty()) {
            return plain;
        }
        List<String> keys = new ArrayList<>(DEFAULT_KEYS);
        keys.addAll(varying);
        Grouping split = group(runs, keys);
        return new Grouping(split.keys(), List.copyOf(varying), split.groups());
    }

    /**
     * Groups by dotted config.json paths.
     *
     * @param runs completed runs
     * @param keys e.g. {@code method.type}, {@code training.method}
     * @return the grouping
     * @throws UserError for a key no run's config has
     */
    public static Grouping byConfigKeys(List<RunRecord> runs, List<String> keys) {
        for (String key : keys) {
            if (key.isBlank()) {
                throw new UserError("--group-by: empty key; expected dotted config paths such as method.type");
            }
            if (runs.stream().noneMatch(r -> ConfigPaths.get(r.config(), key) != null)) {
                throw new UserError("--group-by " + key + ": no run's config.json has this key (dotted paths such as "
                        + "method.type, training.method, training.optimizer.lr)");
            }
        }
        return group(runs, keys);
    }

    private static Grouping group(List<RunRecord> runs, List<String> keys) {
        Map<List<String>, List<RunRecord>> groups = new TreeMap<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (RunRecord r : runs) {
            List<String> values = keys.stream().map(k -> value(r, k)).toList();
            groups.computeIfAbsent(values, k -> new ArrayList<>()).add(r);
        }
        List<RunGroup> out = new ArrayList<>();
        groups.forEach((values, members) -> out.add(new RunGroup(values, members)));
        return new Grouping(keys, List.of(), out);
    }

    /** A run's value of a key: the metrics.json fields for the default keys, else the config.json path. */
    static String value(RunRecord run, String key) {
        switch (key) {
            case "name":
                return run.name();
            case "method":
                return run.method();
            case "trainingMethod":
                return run.trainingMethod();
            default:
                String v = ConfigPaths.get(run.config(), key);
                return v == null ? "–" : v;
        }
    }

    private static boolean ignored(String path) {
        return path.equals("seed") || path.equals("threads") || path.equals("device") || path.equals("name")
                || path.startsWith("output.") || path.equals("data.root");
    }
}
