package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One axis of a sweep: a list of points, each a list of {@link Setting}s. A sweep is the product of its axes, the
 * first axis outermost.
 */
public sealed interface Axis {

    /**
     * The axis' points, in a fixed order.
     *
     * @return the points; each point is the settings it applies, in the order the spec wrote the keys
     */
    List<List<Setting>> points();

    /**
     * Every combination of the listed values (the first key outermost).
     *
     * @param origin the spec path of the axis' object, e.g. {@code axes[0].grid}
     * @param values key → its values, in the spec's order
     */
    record Grid(String origin, Map<String, List<JsonNode>> values) implements Axis {
        public Grid {
            values = copy(values);
        }

        @Override
        public List<List<Setting>> points() {
            List<List<Setting>> points = List.of(List.of());
            for (Map.Entry<String, List<JsonNode>> key : values.entrySet()) {
                List<List<Setting>> next = new ArrayList<>();
                for (List<Setting> point : points) {
                    for (int i = 0; i < key.getValue().size(); i++) {
                        List<Setting> extended = new ArrayList<>(point);
                        extended.add(new Setting(key.getKey(), key.getValue().get(i),
                                SpecPaths.key(origin, key.getKey()) + "[" + i + "]"));
                        next.add(List.copyOf(extended));
                    }
                }
                points = next;
            }
            return points;
        }
    }

    /**
     * Lists of equal length taken element by element: point i sets every key to its i-th value.
     *
     * @param origin the spec path of the axis' object, e.g. {@code axes[1].zip}
     * @param values key → its values, all lists of the same length
     */
    record Zip(String origin, Map<String, List<JsonNode>> values) implements Axis {
        public Zip {
            values = copy(values);
        }

        @Override
        public List<List<Setting>> points() {
            int n = values.values().iterator().next().size();
            List<List<Setting>> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Setting> point = new ArrayList<>();
                for (Map.Entry<String, List<JsonNode>> key : values.entrySet()) {
                    point.add(new Setting(key.getKey(), key.getValue().get(i),
                            SpecPaths.key(origin, key.getKey()) + "[" + i + "]"));
                }
                points.add(List.copyOf(point));
            }
            return points;
        }
    }

    /**
     * {@code count} random draws from a stream seeded with {@code seed}; each draw sets every key, drawn in the
     * spec's key order.
     *
     * @param origin the spec path of the axis' object, e.g. {@code axes[2].random}
     * @param seed   seed of the draws
     * @param count  number of points, &gt;= 1
     * @param values key → its distribution
     */
    record RandomDraws(String origin, long seed, int count, Map<String, Distribution> values) implements Axis {
        public RandomDraws {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public List<List<Setting>> points() {
            Random random = new Random(seed);
            List<List<Setting>> points = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<Setting> point = new ArrayList<>();
                for (Map.Entry<String, Distribution> key : values.entrySet()) {
                    point.add(new Setting(key.getKey(), key.getValue().draw(random),
                            SpecPaths.key(origin + ".values", key.getKey()) + " (draw " + i + ")"));
                }
                points.add(List.copyOf(point));
            }
            return points;
        }
    }

    private static Map<String, List<JsonNode>> copy(Map<String, List<JsonNode>> values) {
        Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
