package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.ExperimentConfigs;

/** Expansion of sweep specs: counts, order, stable ids, grid / zip / random semantics, errors with spec paths. */
class SweepExpanderTest {
    @TempDir
    Path dir;

    private static final String BASE = "\"base\": { \"name\": \"t\", \"data\": { \"tasks\": 2 } }";

    private SweepExpander.Expansion expand(String body) {
        return SweepExpander.expand(Specs.read(dir, "s.json", "{ " + BASE + ", " + body + " }"));
    }

    private static String value(SweepRun run, String path) {
        JsonNode node = SweepJsonAccess.tree(run.configJson());
        for (String part : path.split("\\.")) {
            node = node.get(part);
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    @Test
    void gridTimesSeedsExpandsInOrderWithTheFirstAxisOutermost() {
        SweepExpander.Expansion e = expand("""
                "axes": [ { "grid": { "method.type": ["finetune", "multitask"],
                                      "training.optimizer.lr": [0.1, 0.05, 0.01] } } ],
                "seeds": [1, 2]""");
        assertEquals(12, e.runs().size());
        assertEquals(0, e.duplicates());
        List<SweepRun> runs = e.runs();
        assertEquals("method.type=finetune training.optimizer.lr=0.1 seed=1", runs.get(0).label());
        assertEquals("method.type=finetune training.optimizer.lr=0.1 seed=2", runs.get(1).label());
        assertEquals("method.type=finetune training.optimizer.lr=0.05 seed=1", runs.get(2).label());
        assertEquals("method.type=multitask training.optimizer.lr=0.01 seed=2", runs.get(11).label());
        assertEquals("multitask", value(runs.get(11), "method.type"));
        assertEquals("0.01", value(runs.get(11), "training.optimizer.lr"));
        assertEquals("2", value(runs.get(11), "seed"));
        Set<String> ids = new HashSet<>();
        runs.forEach(r -> ids.add(r.id()));
        assertEquals(12, ids.size(), "distinct configs get distinct ids");
        runs.forEach(r -> assertTrue(r.id().matches("[0-9a-f]{12}"), r.id()));
    }

    @Test
    void idsAreStableAcrossExpansionsAndAxisOrderAndIgnoreWhereAndHowFastARunGoes() {
        String axes = "\"axes\": [ { \"grid\": { \"training.optimizer.lr\": [0.1, 0.05] } }, "
                + "{ \"grid\": { \"method.type\": [\"finetune\", \"multitask\"] } } ]";
        List<SweepRun> first = expand(axes).runs();
        List<SweepRun> again = expand(axes).runs();
        assertEquals(first, again);
        List<SweepRun> swapped = expand("\"axes\": [ { \"grid\": { \"method.type\": [\"finetune\", \"multitask\"] } }, "
                + "{ \"grid\": { \"training.optimizer.lr\": [0.1, 0.05] } } ]").runs();
        assertEquals(first.stream().map(SweepRun::id).collect(java.util.stream.Collectors.toSet()),
                swapped.stream().map(SweepRun::id).collect(java.util.stream.Collectors.toSet()),
                "the same configs get the same ids, whatever the order of the axes");
        assertNotEquals(first.get(1).id(), swapped.get(1).id(), "but the order of the runs follows the axes");
        String json = first.get(0).configJson();
        String moved = ExperimentConfigs.toJson(ExperimentConfigs.parse(json, "t",
                List.of("threads=7", "output.dir=elsewhere", "output.progress=false")));
        assertEquals(first.get(0).id(), RunIds.of(moved), "threads, output.dir and output.progress are not hashed");
        String changed = ExperimentConfigs.toJson(ExperimentConfigs.parse(json, "t", List.of("training.epochs=2")));
        assertNotEquals(first.get(0).id(), RunIds.of(changed));
    }

    @Test
    void zippedListsPairTheirValuesByPosition() {
        List<SweepRun> runs = expand("""
                "axes": [ { "zip": { "name": ["a", "b", "c"], "training.optimizer.lr": [0.1, 0.2, 0.3] } } ]""").runs();
        assertEquals(3, runs.size());
        assertEquals("b", value(runs.get(1), "name"));
        assertEquals("0.2", value(runs.get(1), "training.optimizer.lr"));
        assertEquals("c", value(runs.get(2), "name"));
        assertEquals("0.3", value(runs.get(2), "training.optimizer.lr"));
    }

    @Test
    void zippedListsOfUnequalLengthNameTheSpecPath() {
        UserError e = assertThrows(UserError.class, () -> expand("""
                "axes": [ { "zip": { "name": ["a", "b"], "training.optimizer.lr": [0.1] } } ]"""));
        assertTrue(e.getMessage().contains("axes[0].zip[\"training.optimizer.lr\"]: expected 2 values"), e.getMessage());
    }

    @Test
    void randomDrawsAreFixedByTheirSeedAndStayInTheirRanges() {
        String random = """
                "axes": [ { "random": { "seed": %d, "count": 20, "values": {
                    "training.optimizer.lr": { "logUniform": [0.0001, 0.1] },
                    "training.optimizer.momentum": { "uniform": [0.5, 0.9] },
                    "model.timesteps": { "int": [2, 4] },
                    "model.neuron.surrogate.type": { "choice": ["sigmoid", "atan"] } } } } ]""";
        List<SweepRun> a = expand(random.formatted(7)).runs();
        List<SweepRun> b = expand(random.formatted(7)).runs();
        List<SweepRun> c = expand(random.formatted(8)).runs();
        assertEquals(20, a.size());
        assertEquals(a, b, "same seed, same draws");
        assertNotEquals(a.stream().map(SweepRun::id).toList(), c.stream().map(SweepRun::id).toList());
        Set<String> timesteps = new HashSet<>();
        Set<String> surrogates = new HashSet<>();
        for (SweepRun r : a) {
            double lr = Double.parseDouble(value(r, "training.optimizer.lr"));
            assertTrue(lr >= 0.0001 && lr <= 0.1, "lr " + lr);
            double momentum = Double.parseDouble(value(r, "training.optimizer.momentum"));
            assertTrue(momentum >= 0.5 && momentum <= 0.9, "momentum " + momentum);
            assertTrue(value(r, "training.optimizer.lr").length() <= 12, "rounded to 6 significant digits");
            timesteps.add(value(r, "model.timesteps"));
            surrogates.add(value(r, "model.neuron.surrogate.type"));
        }
        assertEquals(Set.of("2", "3", "4"), timesteps, "int draws include both ends");
        assertEquals(Set.of("sigmoid", "atan"), surrogates);
        // the first draw of seed 7, pinned: java.util.Random's sequence is fixed by the Java spec
        assertEquals(a.get(0).label(), expand(random.formatted(7)).runs().get(0).label());
    }

    @Test
    void pointsThatResolveToTheSameConfigAreKeptOnce() {
        SweepExpander.Expansion e = expand("""
                "axes": [ { "grid": { "training.optimizer.lr": [0.1, 0.1, 0.05] } } ]""");
        assertEquals(2, e.runs().size());
        assertEquals(1, e.duplicates());
    }

    @Test
    void anUnknownAxisKeyNamesTheSpecPathAndTheConfigKey() {
        UserError e = assertThrows(UserError.class, () -> expand("""
                "axes": [ { "grid": { "method.nope": [1, 2] } } ]"""));
        assertTrue(e.getMessage().contains("s.json: axes[0].grid[\"method.nope\"][0]"), e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsSpecPath() {
        UserError e = assertThrows(UserError.class, () -> expand("""
                "set": { "data.tasks": "many" }"""));
        assertTrue(e.getMessage().contains("set[\"data.tasks\"]"), e.getMessage());
    }

    @Test
    void badSpecsAreOneLineErrorsNamingTheirPath() {
        assertMessage("\"axes\": [ { \"grid\": { \"a.b\": [] } } ]", "axes[0].grid[\"a.b\"]: expected at least one value");
        assertMessage("\"axes\": [ { \"grid\": {}, \"zip\": {} } ]", "axes[0]: expected an object with exactly one of");
        assertMessage("\"axes\": [ { \"random\": { \"seed\": 1, \"count\": 2, \"values\": { \"x\": { \"uniform\": [2, 1] } } } } ]",
                "axes[0].random.values.x.uniform: expected low < high");
        assertMessage("\"seeds\": [1, 1]", "seeds[1]: seed 1 is listed twice");
        assertMessage("\"seeds\": [1], \"axes\": [ { \"grid\": { \"seed\": [3] } } ]", "\"seed\" is already set by axes[0].grid.seed");
        assertMessage("\"colour\": 1", "colour: unknown key");
        assertMessage("\"slurm\": { \"cpusPerTask\": 0 }", "slurm.cpusPerTask: expected an integer >= 1");
        UserError missing = assertThrows(UserError.class,
                () -> SweepSpecReader.read(Specs.write(dir, "m.json", "{ \"base\": \"nope.json\" }")));
        assertTrue(missing.getMessage().contains("base: no such config file"), missing.getMessage());
    }

    private void assertMessage(String body, String expected) {
        UserError e = assertThrows(UserError.class, () -> expand(body));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void reExpandingKeepsIndexesAndAppendsNewRuns() {
        SweepSpec small = Specs.read(dir, "a.json", "{ " + BASE
                + ", \"axes\": [ { \"grid\": { \"training.optimizer.lr\": [0.1, 0.05] } } ] }");
        SweepManifest first = SweepManifest.of(small, SweepExpander.expand(small), Optional.empty());
        SweepSpec larger = Specs.read(dir, "a.json", "{ " + BASE
                + ", \"axes\": [ { \"grid\": { \"training.optimizer.lr\": [0.2, 0.1, 0.05] } } ] }");
        SweepManifest second = SweepManifest.of(larger, SweepExpander.expand(larger), Optional.of(first));
        assertEquals(3, second.runs().size());
        for (ManifestRun r : first.runs()) {
            assertEquals(r.index(), second.runs().stream().filter(x -> x.id().equals(r.id())).findFirst().orElseThrow()
                    .index(), "a known run keeps its index");
        }
        ManifestRun added = second.runs().stream().filter(r -> r.label().contains("0.2")).findFirst().orElseThrow();
        assertEquals(2, added.index(), "a new run is numbered after the others");
        second.write(dir);
        assertEquals(second, SweepManifest.read(dir), "the manifest round-trips through sweep.json");
    }
}
