package org.plasticity.trainers.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plasticity stepcheck} through the real command line: a stored reference dump agrees (exit 0), a changed
 * method differs (exit 4), and a missing, damaged or mismatched dump is one line naming the file or key (exit 2).
 */
class StepCheckCliTest {
    @TempDir
    Path temp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(StepCheckCliTest.class.getResource("/stepcheck/" + name).toURI());
    }

    private static final String CONFIG = Path.of("..", "configs", "pmnist-hlop-dsr.json").toString();

    @Test
    void aStoredDumpAgreesAndAChangedMethodDiffers() throws URISyntaxException {
        String dump = fixture("dsr-hlop").toString();
        CliTest.Outcome same = CliTest.run("stepcheck", CONFIG, "--reference", dump, "--set", "threads=1");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("STEPCHECK dsr hlop: AGREES"), same.out());
        CliTest.Outcome changed = CliTest.run("stepcheck", CONFIG, "--reference", dump, "--set", "threads=1",
                "--set", "method.hlop.momentum=0.8");
        assertEquals(StepCheckCommand.DIFFERS, changed.code(), changed.err());
        assertTrue(changed.out().contains("STEPCHECK dsr hlop: DIFFERS"), changed.out());
    }

    @Test
    void aFolderWithoutAManifest() {
        expectUserError(temp.toString(), "manifest.json");
    }

    @Test
    void aManifestThatIsNotJson() throws IOException {
        Files.writeString(temp.resolve("manifest.json"), "{ \"method\": ");
        expectUserError(temp.toString(), "manifest.json");
    }

    @Test
    void aStateFileThatIsMissingOrCut() throws IOException, URISyntaxException {
        Path missing = copy(fixture("dsr-hlop"), temp.resolve("missing"));
        Files.delete(missing.resolve("phase0/end/fc2.weight.npy"));
        expectUserError(missing.toString(), "fc2.weight.npy");
        Path cut = copy(fixture("dsr-hlop"), temp.resolve("cut"));
        Path file = cut.resolve("phase0/start/fc1.weight.npy");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        expectUserError(cut.toString(), "fc1.weight.npy");
    }

    @Test
    void aConfigOfAnotherMethod() throws URISyntaxException {
        CliTest.Outcome o = CliTest.run("stepcheck", Path.of("..", "configs", "pmnist-hlop-ottt.json").toString(),
                "--reference", fixture("dsr-hlop").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("training.method is ottt"), o.err());
    }

    private static void expectUserError(String dump, String named) {
        CliTest.Outcome o = CliTest.run("stepcheck", CONFIG, "--reference", dump, "--set", "threads=1");
        String err = o.err().strip();
        assertEquals(2, o.code(), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains(named), "names " + named + ": " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
