package org.plasticity.trainers.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasticity.trainers.SmallMnist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of user mistake, through the real command line: a malformed config, a damaged or
 * missing data file, an unusable output directory. Each must exit 2 with one line naming the
 * JSON path or file, print no stack trace, and leave no metrics.json anywhere.
 */
class BadInputCorpusTest {
    @TempDir
    static Path temp;
    static Path good;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A config over the data root {@code root}, with the JSON members {@code extra} deep-merged in. */
    static String config(Path root, String extra) {
        try {
            var base = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("""
                    { "threads": 1, "data": { "root": "%s", "tasks": 1, "trainLimit": 64, "testLimit": 32 },
                      "model": { "hidden": [16], "timesteps": 2 }, "output": { "progress": false } }
                    """.formatted(root));
            merge(base, (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("{" + extra + "}"));
            return base.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void merge(com.fasterxml.jackson.databind.node.ObjectNode into,
                              com.fasterxml.jackson.databind.node.ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && into.get(e.getKey()) instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                merge(o, (com.fasterxml.jackson.databind.node.ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    @BeforeAll
    static void writeGoodData() throws IOException {
        good = SmallMnist.write(temp.resolve("good"), 100, 40, 9);
        Files.writeString(temp.resolve("ok.json"), config(good, ""));
    }

    /** A copy of the good data root with one file replaced by {@code bytes} (or deleted when null). */
    static Path damaged(String name, String file, byte[] bytes) throws IOException {
        Path root = temp.resolve("bad-" + name);
        Path dir = Files.createDirectories(root.resolve("mnist"));
        for (String f : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            if (!f.equals(file)) {
                Files.copy(good.resolve("mnist").resolve(f), dir.resolve(f));
            }
        }
        if (bytes != null) {
            Files.write(dir.resolve(file), bytes);
        }
        return root;
    }

    static byte[] goodBytes(String file) throws IOException {
        return Files.readAllBytes(good.resolve("mnist").resolve(file));
    }

    record Case(String name, String configJson, List<String> extraArgs, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case cfg(String name, String extra, String expected) {
        return new Case(name, config(good, extra), List.of(), expected);
    }

    static Case cfgText(String name, String text, String expected) {
        return new Case(name, text, List.of(), expected);
    }

    static Case set(String name, String override, String expected) {
        return new Case(name, config(good, ""), List.of("--set", override), expected);
    }

    static Stream<Arguments> cases() throws IOException {
        List<Case> c = new ArrayList<>();
        // configs: keys, types, ranges
        c.add(cfg("unknown top-level key", "\"sed\": 1", "sed"));
        c.add(cfg("misspelled nested key", "\"training\": { \"batchSiz\": 3 }", "training.batchSiz"));
        c.add(cfg("string for a number", "\"training\": { \"epochs\": \"two\" }", "training.epochs"));
        c.add(cfg("float for an int", "\"training\": { \"epochs\": 1.5 }", "training.epochs"));
        c.add(cfg("boolean for a string", "\"name\": true", "name"));
        c.add(cfg("negative learning rate", "\"training\": { \"optimizer\": { \"lr\": -0.1 } }", "training.optimizer.lr"));
        c.add(cfg("zero epochs", "\"training\": { \"epochs\": 0 }", "training.epochs"));
        c.add(cfg("zero eval batch", "\"training\": { \"evalBatchSize\": 0 }", "training.evalBatchSize"));
        c.add(cfg("unknown optimizer", "\"training\": { \"optimizer\": { \"type\": \"rmsprop\" } }", "training.optimizer.type"));
        c.add(cfg("nesterov without momentum", "\"training\": { \"optimizer\": { \"nesterov\": true } }", "training.optimizer"));
        c.add(cfg("cosine tMax not above warmup", "\"training\": { \"schedule\": { \"type\": \"cosine\", \"warmup\": 5, \"tMax\": 5 } }", "training.schedule"));
        c.add(cfg("bad onNonFinite", "\"training\": { \"onNonFinite\": \"ignore\" }", "training.onNonFinite"));
        c.add(cfg("negative checkpoint interval", "\"output\": { \"checkpointEverySteps\": -1 }", "output.checkpointEverySteps"));
        c.add(cfg("unknown device", "\"device\": \"cuda\"", "device"));
        c.add(cfg("negative threads", "\"threads\": -1", "threads"));
        c.add(cfg("zero timesteps", "\"model\": { \"timesteps\": 0 }", "model.timesteps"));
        c.add(cfg("zero-width layer", "\"model\": { \"hidden\": [16, 0] }", "model.hidden[1]"));
        c.add(cfg("unknown neuron", "\"model\": { \"neuron\": { \"type\": \"izhikevich\" } }", "model.neuron.type"));
        c.add(cfg("unknown surrogate", "\"model\": { \"neuron\": { \"surrogate\": { \"type\": \"relu\" } } }", "model.neuron.surrogate.type"));
        c.add(cfg("zero surrogate slope", "\"model\": { \"neuron\": { \"surrogate\": { \"alpha\": 0 } } }", "model.neuron.surrogate.alpha"));
        c.add(cfg("unknown readout", "\"model\": { \"readout\": \"max\" }", "model.readout"));
        c.add(cfg("unknown scenario", "\"data\": { \"scenario\": \"cifar\" }", "data.scenario"));
        c.add(cfg("too many permuted tasks", "\"data\": { \"tasks\": 11 }", "data.tasks"));
        c.add(cfg("too many split tasks", "\"data\": { \"scenario\": \"split-mnist\", \"tasks\": 6 }, \"model\": { \"head\": \"per-task\" }", "data.tasks"));
        c.add(cfg("zero train limit", "\"data\": { \"trainLimit\": 0 }", "data.trainLimit"));
        // configs: impossible combinations
        c.add(cfg("dsr with a lif neuron", "\"training\": { \"method\": \"dsr\" }", "training.method"));
        c.add(cfg("weighted rate without dsr", "\"model\": { \"readout\": \"weighted-rate\" }", "model.readout"));
        c.add(cfg("poisson on normalized input", "\"model\": { \"encoding\": { \"type\": \"poisson\" } }", "model.encoding"));
        c.add(cfg("per-task heads on permuted mnist", "\"model\": { \"head\": \"per-task\" }", "model.head"));
        c.add(cfg("hlop lists of the wrong length", "\"method\": { \"hlop\": { \"initial\": [10] } }", "method.hlop.initial"));
        c.add(cfg("hlop with multitask", "\"method\": { \"type\": \"multitask\", \"hlop\": {} }", "method.hlop"));
        c.add(cfg("unknown method", "\"method\": { \"type\": \"ewc\" }", "method.type"));
        // architectures that do not fit the data
        c.add(cfgText("cnn on flattened input", cnn("\"scenario\": \"permuted-mnist\"", "[4], \"head\": \"shared\"", ""), "model.type"));
        c.add(cfgText("image too small for the pooling", cnn("\"scenario\": \"split-mnist\", \"tasks\": 1",
                "[2, 2, 2, 2, 2]", ""), "model: pool5"));
        c.add(cfgText("hlop list of the wrong length for the cnn", cnn("\"scenario\": \"split-mnist\", \"tasks\": 1",
                "[4, 4]", ", \"method\": { \"hlop\": { \"lr\": [0.01, 0.01, 0.01], \"initial\": [2, 2], "
                        + "\"increment\": [1, 1] } }"), "method.hlop.lr"));
        c.add(cfgText("gpm list of the wrong length for the resnet", """
                { "threads": 1, "data": { "root": "%s", "scenario": "split-mnist", "tasks": 1 },
                  "model": { "type": "resnet18", "width": 2, "timesteps": 1 },
                  "method": { "gpm": { "threshold": [0.9, 0.9, 0.9] } }, "output": { "progress": false } }
                """.formatted(good), "method.gpm.threshold"));
        // issue 16: names that leave the output folder, impossible sizes, settings OTTT cannot honour
        c.add(cfg("run name leaving the output folder", "\"name\": \"../../somewhere\"", "name"));
        c.add(cfg("run name with a slash", "\"name\": \"a/b\"", "name"));
        c.add(cfg("run name ..", "\"name\": \"..\"", "name"));
        c.add(cfg("hidden layer too large for any array", "\"model\": { \"hidden\": [2000000000] }", "model.hidden[0]"));
        c.add(cfg("training batch too large for the machine", "\"model\": { \"timesteps\": 100000 }, "
                + "\"training\": { \"batchSize\": 2000000000 }", "training.batchSize"));
        c.add(cfg("hlop total above an mlp layer's inputs", "\"method\": { \"hlop\": { \"lr\": [0.01, 0.01], "
                + "\"initial\": [10, 20], \"increment\": [1, 1] } }", "method.hlop.initial[1]"));
        c.add(cfg("ottt with poisson encoding", "\"data\": { \"normalize\": false }, \"model\": { \"encoding\": "
                + "{ \"type\": \"poisson\" } }, \"training\": { \"method\": \"ottt\" }", "model.encoding.type"));
        c.add(cfg("ottt with an undetached reset", "\"model\": { \"neuron\": { \"detachReset\": false } }, "
                + "\"training\": { \"method\": \"ottt\" }", "model.neuron.detachReset"));
        c.add(cfg("ottt without a hidden layer", "\"model\": { \"hidden\": [] }, \"training\": { \"method\": "
                + "\"ottt\" }", "model.hidden"));
        c.add(cfg("latency encoding at the default threshold", "\"data\": { \"normalize\": false }, \"model\": "
                + "{ \"encoding\": { \"type\": \"latency\" } }", "model.neuron.vth"));
        c.add(new Case("wrong key after a type switch names the override", config(good, ""), List.of("--set",
                "model.neuron.surrogate.type=fast-sigmoid", "--set", "model.neuron.surrogate.alpha=3"),
                "--set model.neuron.surrogate.alpha=3: model.neuron.surrogate.alpha"));
        // config files themselves
        c.add(cfgText("malformed JSON", "{ \"seed\": 1, ", "bad.json"));
        c.add(cfgText("empty file", "", "bad.json"));
        c.add(cfgText("array instead of object", "[1, 2]", "bad.json"));
        c.add(new Case("missing config file", null, List.of(), "nowhere.json"));
        // overrides
        c.add(set("override without =", "data.tasks", "--set data.tasks"));
        c.add(set("override of an unknown key", "data.taks=2", "data.taks"));
        c.add(set("override of the wrong type", "training.batchSize=big", "training.batchSize"));
        // data files
        byte[] images = goodBytes("train-images-idx3-ubyte");
        byte[] labels = goodBytes("train-labels-idx1-ubyte");
        c.add(new Case("missing image file", config(damaged("missing", "train-images-idx3-ubyte", null), ""), List.of(),
                "train-images-idx3-ubyte"));
        c.add(new Case("missing test labels", config(damaged("missing-test", "t10k-labels-idx1-ubyte", null), ""), List.of(),
                "t10k-labels-idx1-ubyte"));
        c.add(new Case("truncated images", config(damaged("truncated", "train-images-idx3-ubyte",
                java.util.Arrays.copyOf(images, images.length - 500)), ""), List.of(), "train-images-idx3-ubyte"));
        c.add(new Case("over-long images", config(damaged("long", "train-images-idx3-ubyte",
                java.util.Arrays.copyOf(images, images.length + 3)), ""), List.of(), "train-images-idx3-ubyte"));
        byte[] wrongMagic = images.clone();
        ByteBuffer.wrap(wrongMagic).putInt(0x00000801);
        c.add(new Case("wrong magic number", config(damaged("magic", "train-images-idx3-ubyte", wrongMagic), ""), List.of(),
                "train-images-idx3-ubyte"));
        byte[] fewerLabels = labels.clone();
        ByteBuffer.wrap(fewerLabels).putInt(4, 99);
        c.add(new Case("label count mismatch", config(damaged("count", "train-labels-idx1-ubyte",
                java.util.Arrays.copyOf(fewerLabels, 8 + 99)), ""), List.of(), "train-labels-idx1-ubyte"));
        byte[] badLabel = labels.clone();
        badLabel[10] = 42;
        c.add(new Case("label out of range", config(damaged("label", "train-labels-idx1-ubyte", badLabel), ""), List.of(),
                "train-labels-idx1-ubyte"));
        c.add(new Case("empty image file", config(damaged("empty", "train-images-idx3-ubyte", new byte[0]), ""), List.of(),
                "train-images-idx3-ubyte"));
        c.add(new Case("corrupt gzip", config(damaged("gzip", "train-images-idx3-ubyte", brokenGzip(images)), ""), List.of(),
                "train-images-idx3-ubyte"));
        c.add(new Case("missing fashion-mnist", config(good, "\"data\": { \"scenario\": \"split-fashion-mnist\", \"tasks\": 1, "
                + "\"incremental\": \"class\" }"), List.of(), "fashion-mnist"));
        // issue 12: the vision formats, each damaged in the file the scenario reads
        c.add(cfg("classesPerTask on a fixed class split", "\"data\": { \"scenario\": \"split-cifar100\", "
                + "\"classesPerTask\": 5 }, \"model\": { \"head\": \"per-task\" }", "data.classesPerTask"));
        c.add(cfg("too many miniimagenet tasks", "\"data\": { \"scenario\": \"split-miniimagenet\", \"tasks\": 21 }, "
                + "\"model\": { \"head\": \"per-task\" }", "data.tasks"));
        c.add(cfg("class-incremental five-datasets", "\"data\": { \"scenario\": \"five-datasets\", \"tasks\": 5, "
                + "\"incremental\": \"class\" }", "data.incremental"));
        c.add(cfg("per-task heads on five-datasets-domain", "\"data\": { \"scenario\": \"five-datasets-domain\", "
                + "\"tasks\": 5 }, \"model\": { \"head\": \"per-task\" }", "five-datasets-domain always shares one head"));
        c.add(vision("truncated cifar-100 binary", "split-cifar100", "cifar-100-binary/train.bin",
                v -> v.cifarBinary("cifar-100-binary", List.of("train.bin", "test.bin"), 2)));
        c.add(vision("truncated cifar-100 pickle", "split-cifar100", "cifar-100-python/train",
                v -> v.pickles("cifar-100-python", List.of("train", "test"))));
        c.add(vision("truncated miniimagenet pickle", "split-miniimagenet", "miniimagenet/train.pkl",
                v -> v.pickles("miniimagenet", List.of("train.pkl", "test.pkl"))));
        c.add(vision("truncated svhn mat-file", "five-datasets", "svhn/train_32x32.mat", v -> {
            v.cifar10();
            v.mnist("mnist");
            v.svhn();
        }));
        c.add(vision("truncated notmnist pickle", "five-datasets", "notmnist/notmnist_train.pkl", v -> {
            v.cifar10();
            v.mnist("mnist");
            v.svhn();
            v.mnist("fashion-mnist");
            v.pickles("notmnist", List.of("notmnist_train.pkl", "notmnist_test.pkl"));
        }));
        c.add(vision("truncated digits csv", "mnist-fashion-digits", "sklearn-digits/digits.csv.gz", v -> {
            v.mnist("mnist");
            v.mnist("fashion-mnist");
            v.gzipped("sklearn-digits/digits.csv.gz", ("0,".repeat(64) + "3\n").repeat(20));
        }));
        // output directories
        Path aFile = Files.writeString(temp.resolve("plain-file"), "x");
        c.add(new Case("output under a file", config(good, ""), List.of("--out", aFile.resolve("run").toString()), "plain-file"));
        return c.stream().map(Arguments::of);
    }

    /**
     * A run of {@code scenario} over a data root that {@code fill} writes, whose file {@code damaged} is then cut
     * to half its length: it must fail naming that file.
     */
    static Case vision(String name, String scenario, String damaged, java.util.function.Consumer<VisionRoot> fill)
            throws IOException {
        VisionRoot v = new VisionRoot(temp.resolve("vision-" + name.replace(' ', '-')));
        fill.accept(v);
        Path file = v.root().resolve(damaged);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        int tasks = scenario.equals("split-cifar100") || scenario.equals("split-miniimagenet") ? 1
                : scenario.equals("five-datasets") ? 5 : 3;
        return new Case(name, config(v.root(), "\"data\": { \"scenario\": \"" + scenario + "\", \"tasks\": " + tasks
                + " }, \"model\": { \"head\": \"per-task\" }"), List.of(), damaged);
    }

    /** Writes small valid files of the vision formats under a data root. */
    record VisionRoot(Path root) {
        void write(String file, byte[] bytes) {
            try {
                Files.createDirectories(root.resolve(file).getParent());
                Files.write(root.resolve(file), bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void gzipped(String file, String text) {
            try {
                write(file, gzip(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** CIFAR binary files of three all-zero records with label bytes 0 (half of them is not whole records). */
        void cifarBinary(String folder, List<String> files, int labelBytes) {
            for (String f : files) {
                write(folder + "/" + f, new byte[3 * (labelBytes + 3072)]);
            }
        }

        void cifar10() {
            cifarBinary("cifar-10-batches-bin", List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                    "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"), 1);
        }

        /** Pickled dicts (the library's own pickler): enough to be cut, not meant to be decoded whole. */
        void pickles(String folder, List<String> files) {
            try {
                byte[] p = new net.razorvine.pickle.Pickler().dumps(java.util.Map.of("data", new byte[4096],
                        "labels", List.of(1, 2, 3)));
                for (String f : files) {
                    write(folder + "/" + f, p);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** The good MNIST files under {@code folder}. */
        void mnist(String folder) {
            for (String f : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                    "t10k-labels-idx1-ubyte")) {
                try {
                    write(folder + "/" + f, goodBytes(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        /** SVHN MAT-files of two black images labelled 1 (MATLAB v5, written with the MAT-file library). */
        void svhn() {
            for (String f : List.of("train_32x32.mat", "test_32x32.mat")) {
                try (us.hebi.matlab.mat.types.MatFile mat = us.hebi.matlab.mat.format.Mat5.newMatFile()) {
                    us.hebi.matlab.mat.types.Matrix y = us.hebi.matlab.mat.format.Mat5.newMatrix(2, 1);
                    y.setDouble(0, 1);
                    y.setDouble(1, 1);
                    mat.addArray("X", us.hebi.matlab.mat.format.Mat5.newMatrix(new int[] {32, 32, 3, 2},
                            us.hebi.matlab.mat.types.MatlabType.UInt8)).addArray("y", y);
                    Files.createDirectories(root.resolve("svhn"));
                    us.hebi.matlab.mat.format.Mat5.writeToFile(mat, root.resolve("svhn").resolve(f).toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** A CNN config over the good data: the data keys, the conv channels and extra top-level members. */
    static String cnn(String data, String channels, String extra) {
        return """
                { "threads": 1, "data": { "root": "%s", %s, "trainLimit": 32, "testLimit": 16 },
                  "model": { "type": "cnn", "channels": %s, "timesteps": 1 }, "output": { "progress": false } %s }
                """.formatted(good, data, channels, extra);
    }

    static byte[] brokenGzip(byte[] data) throws IOException {
        byte[] gz = gzip(data);
        return java.util.Arrays.copyOf(gz, gz.length / 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithOneLineNamingTheProblem(Case c) throws IOException {
        Path file = c.configJson() == null ? temp.resolve("nowhere.json") : temp.resolve("bad.json");
        if (c.configJson() != null) {
            Files.writeString(file, c.configJson());
        }
        Path out = temp.resolve("out-" + Math.abs(c.name().hashCode()));
        List<String> args = new ArrayList<>(List.of("run", file.toString()));
        args.addAll(c.extraArgs());
        if (!c.extraArgs().contains("--out")) {
            args.addAll(List.of("--out", out.toString()));
        }
        CliTest.Outcome o = CliTest.run(args.toArray(String[]::new));
        String err = o.err().strip();
        assertEquals(2, o.code(), c.name() + ": " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains(c.expected()), "names " + c.expected() + ": " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        assertFalse(Files.exists(out.resolve("metrics.json")), "no results for a failed run");
    }

    @org.junit.jupiter.api.Test
    void runDirectoriesThatCannotBeUsed() throws IOException {
        Path finished = temp.resolve("finished");
        assertEquals(0, CliTest.run("run", temp.resolve("ok.json").toString(), "--out", finished.toString()).code());
        CliTest.Outcome again = CliTest.run("run", temp.resolve("ok.json").toString(), "--out", finished.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("finished"), again.err());
        CliTest.Outcome other = CliTest.run("run", temp.resolve("ok.json").toString(), "--out", finished.toString(),
                "--set", "seed=5");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("different config"), other.err());
        CliTest.Outcome resumeFinished = CliTest.run("resume", finished.toString());
        assertEquals(2, resumeFinished.code());
        assertTrue(resumeFinished.err().contains("already finished"), resumeFinished.err());
        CliTest.Outcome notARun = CliTest.run("resume", temp.toString());
        assertEquals(2, notARun.code());
        assertTrue(notARun.err().contains("not a run directory"), notARun.err());
    }
}
