package org.plasticity.trainers.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.SmallMnist;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher end to end on small generated data: results, exit codes and messages. */
class CliTest {
    @TempDir
    static Path temp;
    static Path data;
    static Path config;

    @BeforeAll
    static void writeData() throws Exception {
        data = SmallMnist.write(temp.resolve("data"), 600, 200, 1);
        config = temp.resolve("tiny.json");
        Files.writeString(config, """
                {
                  "name": "tiny",
                  "threads": 2,
                  "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 2 },
                  "model": { "hidden": [32], "timesteps": 3 },
                  "training": { "batchSize": 32, "optimizer": { "type": "sgd", "lr": 0.2 } },
                  "output": { "progress": false }
                }
                """.formatted(data.toString().replace("\\", "\\\\")));
    }

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PlasticityCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void runWritesTheWholeRunDirectory() throws Exception {
        Path out = temp.resolve("run1");
        Outcome o = run("run", config.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        for (String f : List.of("config.json", "run.log", "metrics.json", "acc_matrix.csv", "weights.params")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(2, m.get("tasks").asInt());
        assertTrue(m.get("acc").asDouble() > 0.5, "the banded classes are easy: " + m.get("acc"));
        assertEquals(2, m.get("accMatrix").size());
        assertTrue(m.get("trainSamplesPerSecond").asDouble() > 0);
        List<String> csv = Files.readAllLines(out.resolve("acc_matrix.csv"));
        assertEquals("after_task,task_0,task_1", csv.get(0));
        assertEquals(4, csv.size());
        String saved = Files.readString(out.resolve("config.json"));
        assertTrue(saved.contains("\"tasks\" : 2") || saved.contains("\"tasks\": 2"), saved);
        assertTrue(Files.readString(out.resolve("run.log")).contains("ACC"));
        // the same directory with another config is refused before any work
        Outcome again = run("run", config.toString(), "--out", out.toString(), "--set", "data.tasks=1");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("different config"), again.err());
    }

    @Test
    void userErrorsExitTwoWithOneLineAndNoStackTrace() throws Exception {
        Path bad = temp.resolve("typo.json");
        Files.writeString(bad, "{ \"model\": { \"neuron\": { \"tauu\": 2 } } }");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"run", bad.toString(), "--out", temp.resolve("never1").toString()});
        cases.add(new String[] {"run", config.toString(), "--set", "data.root=" + temp.resolve("nowhere"),
                "--out", temp.resolve("never2").toString()});
        cases.add(new String[] {"run", config.toString(), "--set", "device=gpu:7", "--out", temp.resolve("never3").toString()});
        cases.add(new String[] {"validate", temp.resolve("missing.json").toString()});
        cases.add(new String[] {"run", config.toString(), "--set", "training.batchSize=0"});
        String[] expected = {"model.neuron.tauu", "train-images-idx3-ubyte", "gpu:7", "missing.json", "training.batchSize"};
        for (int i = 0; i < cases.size(); i++) {
            Outcome o = run(cases.get(i));
            assertEquals(2, o.code(), String.join(" ", cases.get(i)) + "\n" + o.err());
            String err = o.err().strip();
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertTrue(err.contains(expected[i]), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        }
        for (String never : List.of("never1", "never2", "never3")) {
            assertFalse(Files.exists(temp.resolve(never).resolve("metrics.json")), never);
        }
        assertTrue(run("run", bad.toString()).err().contains("did you mean tau"));
    }

    @Test
    void validateAndHelp() {
        Outcome ok = run("validate", config.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(0, run("run", "--help").code());
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void benchRunsACnnInTheStateOfALaterTaskAndInThePerStepForm() throws Exception {
        Path cnn = temp.resolve("cnn.json");
        Files.writeString(cnn, """
                { "name": "tiny-cnn", "threads": 2,
                  "data": { "scenario": "split-mnist", "root": "%s", "tasks": 2 },
                  "model": { "type": "cnn", "channels": [4, 8], "timesteps": 3, "readout": "weighted-rate",
                             "neuron": { "type": "dsr-lif" } },
                  "training": { "method": "dsr", "batchSize": 16, "freezeAfterFirstTask": true },
                  "method": { "hlop": { "lr": [0.01, 0.01], "initial": [3, 8], "increment": [1, 4] },
                              "gpm": { "threshold": [0.9, 0.9], "samples": 20 } },
                  "output": { "progress": false } }
                """.formatted(data.toString().replace("\\", "\\\\")));
        for (String[] extra : new String[][] {{}, {"--later-task"}, {"--later-task", "--per-step-dsr"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bench", cnn.toString(),
                    "--warmup", "1", "--steps", "2", "--repeats", "1"));
            args.addAll(java.util.List.of(extra));
            Outcome o = run(args.toArray(String[]::new));
            assertEquals(0, o.code(), String.join(" ", extra) + ": " + o.err());
        }
        Outcome single = run("bench", cnn.toString(), "--set", "data.tasks=1", "--later-task", "--steps", "1");
        assertEquals(2, single.code(), single.err());
    }

    @Test
    void benchReportsThroughput() {
        Outcome o = run("bench", config.toString(), "--warmup", "2", "--steps", "5", "--repeats", "2");
        assertEquals(0, o.code(), o.err());
    }
}
