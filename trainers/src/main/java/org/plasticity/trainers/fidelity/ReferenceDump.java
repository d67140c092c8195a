package org.plasticity.trainers.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.plasticity.datasets.formats.NdArray;
import org.plasticity.datasets.formats.NpyFile;
import org.plasticity.trainers.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code scripts/bench/stepcheck_ref.py} wrote after training the reference code for a few steps: the run's
 * description ({@code manifest.json}) and, per phase (a task), its batches, per-step losses, HLOP's old-row counts
 * and the state before and after as {@code .npy} files named by Plasticity's parameter names.
 *
 * @param dir the dump's folder
 * @param method the training method, {@code dsr}, {@code bptt} or {@code ottt}
 * @param variant {@code finetune} or {@code hlop}
 * @param feedback the error route, {@code backprop}, {@code feedback-alignment} or {@code sign-symmetric}
 * @param batchSize B
 * @param hidden units per hidden layer
 * @param timesteps T
 * @param generated samples per task of generated data stored in the dump, 0 for permuted MNIST
 * @param hlopInitial HLOP's neurons per protected layer at task 0
 * @param hlopIncrement HLOP's neurons added per protected layer at task 1
 * @param phases the tasks trained, in order
 */
public record ReferenceDump(Path dir, String method, String variant, String feedback, int batchSize, int hidden, int timesteps,
                            int generated, List<Integer> hlopInitial, List<Integer> hlopIncrement,
                            List<Phase> phases) {
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    /**
     * One task's share of the dump.
     *
     * @param task the task index
     * @param batches each step's samples, as rows of the task's training split
     * @param losses the reference's loss of each step
     * @param hlopOldRows per HLOP module, the rows merged from earlier tasks (fixed)
     * @param start the folder of the state before the first step
     * @param end the folder of the state after the last step
     * @param noise the twin trained from perturbed weights on the same batches, or null when the dump has none
     */
    public record Phase(int task, List<int[]> batches, double[] losses, int[] hlopOldRows, String start, String end,
                        Noise noise) {
    }

    /**
     * The reference's noise floor in a phase: a twin of the reference trained on the same batches from weights
     * scaled elementwise by {@code 1 + eps·N(0, 1)}, float rounding's size.
     *
     * @param eps the relative perturbation
     * @param end the folder of the twin's state after the last step
     * @param losses the twin's loss of each step
     */
    public record Noise(double eps, String end, double[] losses) {
    }

    /**
     * Reads a dump's manifest.
     *
     * @throws UserError naming the file when it is missing or not a dump
     */
    public static ReferenceDump read(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new UserError(manifest + ": no reference dump here; write one with scripts/bench/stepcheck.sh "
                    + "(or scripts/bench/stepcheck_ref.py in the reference harness)");
        }
        try {
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            List<Phase> phases = new ArrayList<>();
            for (JsonNode p : required(m, "phases", manifest)) {
                List<int[]> batches = new ArrayList<>();
                for (JsonNode b : required(p, "batches", manifest)) {
                    batches.add(ints(b));
                }
                double[] l = doubles(required(p, "losses", manifest));
                if (l.length != batches.size()) {
                    throw new UserError(manifest + ": phase of task " + p.path("task").asInt() + " has "
                            + batches.size() + " batches but " + l.length + " losses; write the dump again");
                }
                JsonNode n = p.get("noise");
                Noise noise = n == null || n.isNull() ? null : new Noise(required(n, "eps", manifest).asDouble(),
                        required(n, "end", manifest).asText(), doubles(required(n, "losses", manifest)));
                phases.add(new Phase(required(p, "task", manifest).asInt(), batches, l,
                        ints(required(p, "hlopOldRows", manifest)), required(p, "start", manifest).asText(),
                        required(p, "end", manifest).asText(), noise));
            }
            return new ReferenceDump(dir, required(m, "method", manifest).asText(),
                    required(m, "variant", manifest).asText(), m.path("feedback").asText("backprop"),
                    required(m, "batchSize", manifest).asInt(),
                    required(m, "hidden", manifest).asInt(), required(m, "timesteps", manifest).asInt(),
                    m.path("generated").asInt(0), list(required(m, "hlopInitial", manifest)),
                    list(required(m, "hlopIncrement", manifest)), phases);
        } catch (IOException e) {
            throw new UserError(manifest + ": not a readable JSON manifest (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); write the dump again");
        }
    }

    /** The tensors of a state folder, by name ({@code fc1.weight}, {@code hlop0.h}, ...). */
    public Map<String, NdArray> state(String folder) {
        Path path = dir.resolve(folder);
        Map<String, NdArray> state = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(path)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".npy")) {
                    state.put(name.substring(0, name.length() - 4), NpyFile.read(f));
                }
            }
        } catch (IOException e) {
            throw new UserError(path + ": cannot list the state folder of the dump (" + e.getMessage() + ")");
        }
        if (state.isEmpty()) {
            throw new UserError(path + ": the dump holds no state here; write it again");
        }
        return state;
    }

    /** An array file of the dump, relative to its folder. */
    public NdArray array(String file) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new UserError(path + ": missing from the reference dump; write it again with scripts/bench/stepcheck.sh");
        }
        return NpyFile.read(path);
    }

    /** Whether the dump carries its own generated data instead of naming permuted-MNIST rows. */
    public boolean hasGeneratedData() {
        return generated > 0;
    }

    private static JsonNode required(JsonNode node, String key, Path manifest) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new UserError(manifest + ": missing \"" + key + "\"; write the dump again");
        }
        return v;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static List<Integer> list(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }
}
