package org.plasticity.core.tensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge check on fake PyTorch folders (no native code is loaded). */
class NativeBridgeTest {
    @TempDir
    Path tmp;

    private Path torchLib(String version) throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("torch/lib"));
        Files.writeString(lib.resolve("libtorch.so"), "");
        Files.writeString(tmp.resolve("torch/version.py"), "__version__ = '" + version + "'\ncuda = None\n");
        return lib;
    }

    private Path bridge(Path cache, String builtFor) throws IOException {
        Path dir = Files.createDirectories(cache.resolve("2.13.0-cpu-linux-x86_64"));
        Path so = Files.writeString(dir.resolve("0.36.0-libdjl_torch.so"), "");
        if (builtFor != null) {
            Files.writeString(dir.resolve("0.36.0-libdjl_torch.so.properties"), "torch.version=" + builtFor + "\n");
        }
        return so;
    }

    private static Map<String, String> env(Path lib, String version) {
        Map<String, String> env = new HashMap<>();
        env.put("PYTORCH_LIBRARY_PATH", lib.toString());
        env.put("PYTORCH_VERSION", version);
        env.put("PYTORCH_FLAVOR", "cpu");
        return env;
    }

    @Test
    void bundledNativesNeedNoCheck() {
        assertNull(NativeBridge.verify(k -> null, tmp));
    }

    @Test
    void aBridgeBuiltForThisTorchIsAccepted() throws IOException {
        Path lib = torchLib("2.13.0+cpu");
        Path so = bridge(tmp.resolve("cache"), "2.13.0+cpu");
        assertEquals(so, NativeBridge.verify(env(lib, "2.13.0")::get, tmp.resolve("cache")));
    }

    @Test
    void aBridgeForAnotherTorchIsRefusedBeforeLoading() throws IOException {
        Path lib = torchLib("2.13.0+cpu");
        bridge(tmp.resolve("cache"), "2.12.1+cpu");
        NativeSetupException e = assertThrows(NativeSetupException.class,
                () -> NativeBridge.verify(env(lib, "2.13.0")::get, tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("built for PyTorch 2.12.1+cpu"), e.getMessage());
        assertTrue(e.getMessage().contains("build-bridge.sh"), e.getMessage());
    }

    @Test
    void aStaleUnstampedBridgeInTheLibFolderIsRefused() throws IOException {
        Path lib = torchLib("2.13.0+cpu");
        bridge(tmp.resolve("cache"), "2.13.0+cpu");
        Files.writeString(lib.resolve("libdjl_torch.so"), "");
        NativeSetupException e = assertThrows(NativeSetupException.class,
                () -> NativeBridge.verify(env(lib, "2.13.0")::get, tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("no build stamp"), e.getMessage());
    }

    @Test
    void setupMistakesNameTheFix() throws IOException {
        Path lib = torchLib("2.13.0+cpu");
        Path cache = tmp.resolve("cache");
        assertThrows(NativeSetupException.class, () -> NativeBridge.verify(env(lib, "2.13.0")::get, cache),
                "no bridge at all");
        assertThrows(NativeSetupException.class, () -> NativeBridge.verify(env(lib, "2.7.1")::get, cache),
                "PYTORCH_VERSION disagrees with the torch folder");
        Map<String, String> half = env(lib, "2.13.0");
        half.remove("PYTORCH_FLAVOR");
        assertThrows(NativeSetupException.class, () -> NativeBridge.verify(half::get, cache), "precxx11 trap");
        Map<String, String> empty = env(tmp.resolve("nowhere"), "2.13.0");
        NativeSetupException e = assertThrows(NativeSetupException.class, () -> NativeBridge.verify(empty::get, cache));
        assertTrue(e.getMessage().contains("silently"), e.getMessage());
    }

    @Test
    void libtorchFoldersCarryTheirVersionInBuildVersion() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("libtorch/lib"));
        Files.writeString(tmp.resolve("libtorch/build-version"), "2.11.0+cu130\n");
        assertEquals("2.11.0+cu130", NativeBridge.torchVersion(lib));
    }
}
