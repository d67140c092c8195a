package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.cli.PlasticityCli;

/** The sweep command's dry run and its user errors (one line, exit 2), in this JVM: nothing is run. */
class SweepCliTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = PlasticityCli.commandLine().setErr(new PrintWriter(err, true)).execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void theDryRunPrintsTheExpandedRunsAndWritesNothing() {
        Path spec = Specs.write(dir, "s.json", "{ \"base\": { \"name\": \"t\" }, \"axes\": [ { \"grid\": "
                + "{ \"method.type\": [\"finetune\", \"multitask\"] } } ], \"seeds\": [1, 2, 3] }");
        Path out = dir.resolve("sweep");
        Result r = cli("sweep", spec.toString(), "--out", out.toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("sweep s: 6 runs -> " + out), r.out());
        assertTrue(r.out().contains("method.type=multitask seed=3"), r.out());
        assertEquals(8, r.out().strip().split("\n").length, r.out());
        assertFalse(Files.exists(out), "a dry run writes nothing");
    }

    @Test
    void specMistakesAreOneLineAndExitTwo() {
        Path spec = Specs.write(dir, "bad.json", "{ \"base\": { \"name\": \"t\" }, \"axes\": [ { \"grid\": "
                + "{ \"training.optimiser.lr\": [0.1] } } ] }");
        Result r = cli("sweep", spec.toString(), "--dry-run");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + spec + ": axes[0].grid[\"training.optimiser.lr\"][0]: "), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        Result missing = cli("sweep", "status", dir.resolve("nothing").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such sweep spec, sweep folder or sweep.json"), missing.err());
        Path good = Specs.write(dir, "good.json", "{ \"base\": { \"name\": \"t\" }, \"seeds\": [1] }");
        Result parallel = cli("sweep", good.toString(), "--out", dir.resolve("p").toString(), "--parallel", "999");
        assertEquals(2, parallel.code());
        assertTrue(parallel.err().contains("--parallel 999 is more than the"), parallel.err());
        assertFalse(Files.exists(dir.resolve("p")), "a refused sweep writes nothing");
        Result mixed = cli("sweep", good.toString(), "--out", dir.resolve("q").toString(), "--executor", "slurm",
                "--parallel", "2");
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("are for --executor local"), mixed.err());
        assertFalse(Files.exists(dir.resolve("q")));
    }
}
