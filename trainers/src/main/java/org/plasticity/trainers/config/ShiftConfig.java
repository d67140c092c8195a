package org.plasticity.trainers.config;

import java.util.List;
import org.plasticity.datasets.corruption.Corruption;

/**
 * The shifted test streams an adaptation run goes through, in this order: the clean test split, each corruption at
 * each severity (generated from the clean split, deterministic by seed; docs/CORRUPTIONS.md), and the real shift
 * MNIST → UCI digits.
 *
 * @param corruptions the corruptions, by name, or {@code ["all"]} for the 15 standard ones in canonical order;
 *                    default all
 * @param severities  severities 1..5; default [5]
 * @param seed        seed of the generated corruptions; default 2022
 * @param clean       whether the clean test split is a stream too; default false
 * @param digits      whether the UCI digits (8×8, resampled to 28×28) are a stream, for an MNIST source; default
 *                    false
 * @param frost       a folder with the reference's frost photographs ({@code frost1.png … frost5.jpg}), or null for
 *                    the procedural substitute; default null
 */
public record ShiftConfig(List<String> corruptions, List<Integer> severities, long seed, boolean clean,
        boolean digits, String frost) implements ConfigNode {

    /** The name that stands for every corruption. */
    public static final String ALL = "all";

    /** The documented defaults. */
    public static final ShiftConfig DEFAULTS = new ShiftConfig(List.of(ALL), List.of(5), 2022L, false, false, null);

    public ShiftConfig {
        corruptions = List.copyOf(corruptions);
        severities = List.copyOf(severities);
    }

    /** The corruptions by enum, {@code all} expanded. */
    public List<Corruption> corruptionList() {
        if (corruptions.equals(List.of(ALL))) {
            return List.of(Corruption.values());
        }
        return corruptions.stream().map(n -> Corruption.byName(n).orElseThrow()).toList();
    }

    @Override
    public void validate(ConfigProblems problems) {
        for (int i = 0; i < corruptions.size(); i++) {
            String name = corruptions.get(i);
            if (!(name.equals(ALL) && corruptions.size() == 1) && Corruption.byName(name).isEmpty()) {
                problems.at("corruptions").at(i).report("unknown corruption \"" + name + "\"; known: "
                        + String.join(", ", Corruption.names()) + " (or [\"all\"] alone)");
            }
        }
        for (int i = 0; i < severities.size(); i++) {
            problems.at("severities").at(i).inRange(severities.get(i), 1, true, 5, true);
        }
        if (severities.isEmpty() && !corruptions.isEmpty()) {
            problems.at("severities").report("needs at least one severity (1..5) for the corruptions");
        }
        if (corruptions.isEmpty() && !clean && !digits) {
            problems.report("no stream to adapt on: list corruptions, or set clean or digits to true");
        }
    }
}
