package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.UserError;

/** What {@code sweep run-index} does with one run, with a stand-in for the CLI's run and resume. */
class RunTaskTest {
    @TempDir
    Path dir;
    ManifestRun run;
    Path runDir;
    final List<List<String>> calls = new ArrayList<>();

    @BeforeEach
    void oneRun() {
        SweepSpec spec = Specs.read(dir, "s.json", "{ \"base\": { \"name\": \"t\", \"threads\": 0 }, \"seeds\": [3] }");
        run = SweepManifest.of(spec, SweepExpander.expand(spec), Optional.empty()).runs().get(0);
        runDir = dir.resolve(run.id());
    }

    private int call(Integer threads, RunTask.Cli cli) {
        return new RunTask(dir, run, threads, (args, err) -> {
            calls.add(args);
            return cli.execute(args, err);
        }, new PrintStream(new ByteArrayOutputStream())).call();
    }

    private JsonNode status() throws Exception {
        return SweepJsonAccess.tree(Files.readString(runDir.resolve(RunStatus.FILE)));
    }

    @Test
    void aFreshRunStartsWithTheGivenThreadsAndIsRecordedComplete() throws Exception {
        int code = call(1, (args, err) -> {
            try {
                Files.writeString(runDir.resolve("metrics.json"), "{}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 0;
        });
        assertEquals(0, code);
        assertEquals(List.of("run", runDir.resolve("config.json").toString(), "--out", runDir.toString()), calls.get(0));
        JsonNode config = SweepJsonAccess.tree(Files.readString(runDir.resolve("config.json")));
        assertEquals(1, config.get("threads").asInt());
        assertFalse(config.get("output").get("progress").asBoolean());
        assertEquals(run.id(), RunIds.of(Files.readString(runDir.resolve("config.json"))));
        assertEquals("completed", status().get("state").asText());
        calls.clear();
        assertEquals(0, call(1, (args, err) -> 1));
        assertTrue(calls.isEmpty(), "a complete run is not run again");
    }

    @Test
    void aRunWithACheckpointResumesAndAFailureKeepsItsErrorLine() throws Exception {
        Files.createDirectories(runDir.resolve("checkpoints"));
        Files.writeString(runDir.resolve("checkpoints/checkpoint-5.ckpt"), "x");
        int code = call(2, (args, err) -> {
            err.println("plasticity: something on the way");
            err.println("error: data/mnist/t10k-images-idx3-ubyte: truncated; fetch it again with scripts/fetch-data.sh");
            return 2;
        });
        assertEquals(2, code);
        assertEquals(List.of("resume", runDir.toString()), calls.get(0));
        JsonNode status = status();
        assertEquals("failed", status.get("state").asText());
        assertEquals(2, status.get("exitCode").asInt());
        assertEquals("error: data/mnist/t10k-images-idx3-ubyte: truncated; fetch it again with scripts/fetch-data.sh",
                status.get("reason").asText());
        assertEquals(RunState.FAILED, RunInspector.inspect(runDir).state());
        assertEquals(75, call(2, (args, err) -> 75));
        assertEquals("stopped", status().get("state").asText());
        assertEquals(RunState.STOPPED, RunInspector.inspect(runDir).state());
    }

    @Test
    void aRunHeldByAnotherProcessIsLeftAlone() throws Exception {
        Files.createDirectories(runDir);
        try (FileChannel channel = FileChannel.open(runDir.resolve(".sweep.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertTrue(held.isValid());
            assertEquals(RunTask.BUSY, call(1, (args, err) -> 0));
            assertTrue(calls.isEmpty());
        }
    }

    @Test
    void aFolderHoldingAnotherConfigIsRefused() throws Exception {
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("config.json"), "{ \"name\": \"other\" }");
        UserError e = assertThrows(UserError.class, () -> call(1, (args, err) -> 0));
        assertTrue(e.getMessage().contains("holds a run of another config"), e.getMessage());
    }
}
