package org.plasticity.core.tensor;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;

import java.nio.file.Path;

/**
 * Starts the PyTorch engine the way Plasticity needs it: offline (no downloads, no telemetry),
 * a fixed number of intra-op threads (never more than the free cores: oversubscribed OpenMP
 * threads collapse throughput, djl.md §6) and a seeded engine random stream. On an external PyTorch
 * ({@code PYTORCH_LIBRARY_PATH}, see docs/GPU.md) it first checks the JNI bridge against it
 * ({@link NativeBridge}) and, once loaded, prints which libtorch and bridge the process mapped.
 */
public final class TorchRuntime {
    private static boolean checked;

    private TorchRuntime() {
    }

    /** Sets the offline switches; call before anything touches DJL's engine. */
    public static void configureOffline() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * Starts (or reuses) the engine with the given thread count and seed.
     *
     * @param threads intra-op threads; 0 means one per available core
     * @param seed seed of the engine's random stream (Poisson encodings draw from it)
     * @return the engine
     * @throws NativeSetupException when an external PyTorch has no matching JNI bridge
     */
    public static Engine start(int threads, long seed) {
        configureOffline();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Path bridge = checkBridgeOnce();
        Engine engine = Engine.getEngine("PyTorch");
        if (bridge != null) {
            System.err.println("plasticity: PyTorch " + engine.getVersion()
                    + (engine.hasCapability("CUDA") ? " (CUDA, " + engine.getGpuCount() + " GPU(s))" : " (CPU)")
                    + " natives loaded: "
                    + String.join(", ", NativeBridge.loadedLibraries()));
        }
        JniUtils.setNumThreads(n);
        JniUtils.setSeed(seed);
        Gradients.disableRecording();
        return engine;
    }

    /** Verifies an external PyTorch's bridge the first time; null when there is none or it was checked. */
    private static synchronized Path checkBridgeOnce() {
        if (checked) {
            return null;
        }
        Path bridge = NativeBridge.verify(Utils::getEnvOrSystemProperty, Utils.getEngineCacheDir("pytorch"));
        checked = true;
        return bridge;
    }

    /**
     * Reseeds the engine's random stream. Trainers reseed at every step from (run seed, position),
     * so engine randomness (Poisson encoding) depends only on the position and a resumed run draws
     * exactly what an uninterrupted one would.
     */
    public static void reseed(long seed) {
        JniUtils.setSeed(seed);
    }

    /** GPUs the engine can use. */
    public static int gpuCount() {
        return Engine.getEngine("PyTorch").getGpuCount();
    }
}
