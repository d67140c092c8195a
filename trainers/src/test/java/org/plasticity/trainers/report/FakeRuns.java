package org.plasticity.trainers.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes run folders with made-up results (config.json, metrics.json), as finished runs leave them. */
final class FakeRuns {
    private FakeRuns() {
    }

    /** A finished run of {@code tasks} tasks whose final accuracies are all {@code acc} and whose BWT is {@code bwt}. */
    static Path finished(Path dir, String name, String method, String training, long seed, double lr, int tasks,
            double acc, double bwt, double wall) {
        StringBuilder matrix = new StringBuilder("[");
        for (int i = 0; i < tasks; i++) {
            matrix.append(i == 0 ? "" : ", ").append('[');
            for (int j = 0; j < tasks; j++) {
                double v = j <= i ? acc - bwt * (tasks - 1 - i) / Math.max(1, tasks - 1) : j == i + 1 ? 0.1 : Double.NaN;
                matrix.append(j == 0 ? "" : ", ").append(Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v));
            }
            matrix.append(']');
        }
        matrix.append(']');
        write(dir, "config.json", config(name, method, training, seed, lr));
        write(dir, "metrics.json", String.format(Locale.ROOT, """
                { "name": "%s", "method": "%s", "trainingMethod": "%s", "device": "cpu()", "tasks": %d,
                  "acc": %s, "bwt": %s, "fwt": 0.01, "accMatrix": %s, "untrainedAccuracy": [],
                  "perTask": [], "wallTimeSeconds": %s, "trainSamplesPerSecond": 1000.0 }
                """, name, method, training, tasks, acc, bwt, matrix, wall));
        return dir;
    }

    /** A run that failed in a sweep. */
    static Path failed(Path dir, String name, long seed, String reason) {
        write(dir, "config.json", config(name, "finetune", "bptt", seed, 0.1));
        write(dir, "sweep-status.json", """
                { "state": "failed", "exitCode": 2, "reason": "%s", "host": "vm", "pid": 1 }
                """.formatted(reason));
        return dir;
    }

    private static String config(String name, String method, String training, long seed, double lr) {
        String type = method.startsWith("multitask") ? "multitask" : "finetune";
        return String.format(Locale.ROOT, """
                { "name": "%s", "seed": %d, "device": "auto", "threads": 1,
                  "data": { "scenario": "permuted-mnist", "root": null, "tasks": 3 },
                  "training": { "method": "%s", "optimizer": { "type": "sgd", "lr": %s } },
                  "method": { "type": "%s", "hlop": %s },
                  "output": { "dir": "runs" } }
                """, name, seed, training, lr, type, method.contains("hlop") ? "{ \"lr\": [0.01] }" : "null");
    }

    private static void write(Path dir, String file, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
