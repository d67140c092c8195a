package org.plasticity.core.tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before DJL loads any native code, that an external PyTorch ({@code PYTORCH_LIBRARY_PATH})
 * comes with a JNI bridge built for that very PyTorch version, and reports which native libraries
 * were loaded. DJL itself never compares the two: a bridge built for another libtorch loads, then
 * crashes or fails with a garbage error on the first operation (gpu-bridge spec §2, §4). Without
 * {@code PYTORCH_LIBRARY_PATH} (the bundled CPU natives) there is nothing to check.
 */
public final class NativeBridge {
    /** DJL version that prefixes the bridge's file name (LibUtils.findJniLibrary). */
    static final String DJL_VERSION = "0.36.0";
    /** Where a user is sent when the setup is wrong. */
    static final String DOC = "docs/GPU.md, section \"Running on your PyTorch\"";
    private static final String JNI = "libdjl_torch.so";
    private static final Pattern PY_VERSION = Pattern.compile("(?m)^__version__\\s*=\\s*'([^']+)'");

    private NativeBridge() {
    }

    /**
     * Verifies the external PyTorch setup described by the environment (variables, then system
     * properties, as DJL reads them).
     *
     * @param env looks a setting up, returning null when unset
     * @param cacheDir DJL's engine cache folder for PyTorch ({@code ~/.djl.ai/pytorch} by default)
     * @return the bridge DJL will load, or null for the bundled natives
     * @throws NativeSetupException with a one-line fix when the bridge is missing or mismatched
     */
    public static Path verify(Function<String, String> env, Path cacheDir) {
        String libraryPath = env.apply("PYTORCH_LIBRARY_PATH");
        if (libraryPath == null || libraryPath.isBlank()) {
            return null;
        }
        Path libDir = torchLibDir(libraryPath);
        String torch = torchVersion(libDir);
        String version = env.apply("PYTORCH_VERSION");
        String flavor = env.apply("PYTORCH_FLAVOR");
        if (version == null || flavor == null) {
            throw new NativeSetupException("PYTORCH_LIBRARY_PATH is set but PYTORCH_VERSION or PYTORCH_FLAVOR is not; "
                    + "set PLASTICITY_TORCH instead and let scripts/plasticity set all three (" + DOC + ")");
        }
        if (!plain(torch).equals(version)) {
            throw new NativeSetupException("PYTORCH_VERSION=" + version + " but " + libDir + " holds PyTorch " + torch
                    + "; set PYTORCH_VERSION=" + plain(torch) + " (" + DOC + ")");
        }
        Path bridge = bridgePath(libDir, cacheDir.resolve(version + "-" + flavor + "-linux-x86_64"));
        if (bridge == null) {
            throw new NativeSetupException("no JNI bridge for PyTorch " + torch + " (" + flavor + "): build it with "
                    + "scripts/gpu/build-bridge.sh --djl-src DIR --torch " + libDir.getParent() + " (" + DOC + ")");
        }
        String builtFor = builtFor(bridge);
        if (!torch.equals(builtFor)) {
            throw new NativeSetupException("the JNI bridge " + bridge + " was built for PyTorch "
                    + (builtFor == null ? "unknown (no build stamp)" : builtFor) + " but PYTORCH_LIBRARY_PATH holds "
                    + torch + "; rebuild it with scripts/gpu/build-bridge.sh --torch " + libDir.getParent()
                    + " (" + DOC + ")");
        }
        return bridge;
    }

    /** The first folder of the path list that directly holds libtorch.so, as DJL picks it. */
    static Path torchLibDir(String libraryPath) {
        for (String entry : libraryPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isRegularFile(p) && p.getFileName().toString().equals("libtorch.so")) {
                return p.getParent();
            }
            if (Files.isRegularFile(p.resolve("libtorch.so"))) {
                return p;
            }
        }
        throw new NativeSetupException("PYTORCH_LIBRARY_PATH=" + libraryPath + " holds no libtorch.so, so DJL would "
                + "silently use its bundled natives; point it at the torch/lib folder (" + DOC + ")");
    }

    /** The PyTorch version next to a torch/lib folder: pip's version.py or libtorch's build-version. */
    static String torchVersion(Path libDir) {
        Path home = libDir.getParent();
        try {
            Path py = home.resolve("version.py");
            if (Files.isRegularFile(py)) {
                Matcher m = PY_VERSION.matcher(Files.readString(py));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Path build = home.resolve("build-version");
            if (Files.isRegularFile(build)) {
                return Files.readAllLines(build).get(0).trim();
            }
        } catch (IOException | IndexOutOfBoundsException e) {
            // fall through to the error below
        }
        throw new NativeSetupException("cannot tell the PyTorch version of " + home
                + " (no version.py or build-version); use a pip torch or libtorch folder (" + DOC + ")");
    }

    /** The bridge DJL 0.36 will load for this libtorch: the lib folder first, then the cache. */
    static Path bridgePath(Path libDir, Path cacheDir) {
        for (Path p : List.of(libDir.resolve(DJL_VERSION + "-" + JNI), libDir.resolve(JNI),
                cacheDir.resolve(DJL_VERSION + "-" + JNI))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    /** The full PyTorch version in the bridge's build stamp, or null when it has none. */
    static String builtFor(Path bridge) {
        Path stamp = bridge.resolveSibling(bridge.getFileName() + ".properties");
        if (!Files.isRegularFile(stamp)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(stamp)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        return p.getProperty("torch.version");
    }

    private static String plain(String version) {
        int plus = version.indexOf('+');
        return plus < 0 ? version : version.substring(0, plus);
    }

    /**
     * The PyTorch and bridge libraries this process has mapped (read from {@code /proc/self/maps}),
     * the authoritative proof of which natives run; empty where that file does not exist.
     */
    public static List<String> loadedLibraries() {
        List<String> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String path = line.substring(slash);
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (name.matches("(libtorch_cpu|libtorch_cuda|libc10|libc10_cuda|libcudart|.*libdjl_torch)\\.so.*")
                        && !found.contains(path)) {
                    found.add(path);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }
}
