package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.ConfigException;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;

/**
 * Expands a spec into its runs, deterministically: the product of the axes (first axis outermost) with the seeds
 * innermost, each point applied to the base config through the same override and validation path as
 * {@code --set}. A problem with a value names the spec path that supplied it. Points that resolve to the same config
 * (same id) are kept once.
 */
public final class SweepExpander {

    private SweepExpander() {
    }

    /**
     * The expanded runs, in expansion order, without duplicates.
     *
     * @param spec the sweep
     * @return the runs and the number of duplicate points dropped
     * @throws UserError naming the spec path of a value the config rejects
     */
    public static Expansion expand(SweepSpec spec) {
        List<List<Setting>> points = List.of(List.of());
        for (Axis axis : spec.axes()) {
            List<List<Setting>> next = new ArrayList<>();
            for (List<Setting> outer : points) {
                for (List<Setting> inner : axis.points()) {
                    List<Setting> combined = new ArrayList<>(outer);
                    combined.addAll(inner);
                    next.add(combined);
                }
            }
            points = next;
        }
        if (!spec.seeds().isEmpty()) {
            List<List<Setting>> next = new ArrayList<>();
            for (List<Setting> outer : points) {
                for (int i = 0; i < spec.seeds().size(); i++) {
                    List<Setting> combined = new ArrayList<>(outer);
                    combined.add(new Setting("seed", JsonNodeFactory.instance.numberNode(spec.seeds().get(i)),
                            SpecPaths.index("seeds", i)));
                    next.add(combined);
                }
            }
            points = next;
        }
        Map<String, SweepRun> runs = new LinkedHashMap<>();
        int duplicates = 0;
        for (List<Setting> point : points) {
            SweepRun run = resolve(spec, point);
            if (runs.putIfAbsent(run.id(), run) != null) {
                duplicates++;
            }
        }
        return new Expansion(List.copyOf(runs.values()), duplicates);
    }

    /**
     * The runs of a spec and how many points were dropped as duplicates of an earlier point.
     *
     * @param runs       the distinct runs, in expansion order
     * @param duplicates points that resolved to a config already expanded
     */
    public record Expansion(List<SweepRun> runs, int duplicates) {
        public Expansion {
            runs = List.copyOf(runs);
        }
    }

    private static SweepRun resolve(SweepSpec spec, List<Setting> point) {
        List<Setting> all = new ArrayList<>(spec.set());
        all.addAll(point);
        List<String> overrides = all.stream().map(Setting::overrideText).toList();
        ExperimentConfig config;
        try {
            config = ExperimentConfigs.parse(spec.baseJson(), spec.baseSource(), overrides);
        } catch (ConfigException e) {
            throw new UserError(renamed(spec, all, e));
        }
        String json = ExperimentConfigs.toJson(config);
        return new SweepRun(RunIds.of(json), point, json);
    }

    /**
     * The config reader names an override's source as {@code --set <text>}: name the spec path instead. A problem it
     * puts on the base config at a path that a setting created (an unknown key on the way to the setting's key) is the
     * setting's too.
     */
    private static String renamed(SweepSpec spec, List<Setting> settings, ConfigException e) {
        List<String> problems = new ArrayList<>();
        String base = spec.baseSource() + ": ";
        for (String problem : e.problems()) {
            String text = problem;
            for (Setting s : settings) {
                String prefix = "--set " + s.overrideText() + ": ";
                if (problem.startsWith(prefix)) {
                    text = spec.source() + ": " + s.origin() + ": " + problem.substring(prefix.length());
                    break;
                }
                if (problem.startsWith(base)) {
                    String rest = problem.substring(base.length());
                    int colon = rest.indexOf(": ");
                    String path = colon < 0 ? rest : rest.substring(0, colon);
                    if (s.path().equals(path) || s.path().startsWith(path + ".") || s.path().startsWith(path + "[")) {
                        text = spec.source() + ": " + s.origin() + ": " + rest;
                        break;
                    }
                }
            }
            problems.add(text);
        }
        return String.join("; ", problems);
    }
}
