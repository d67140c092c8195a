package org.plasticity.core.tensor;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts the PyTorch engine the way Plasticity needs it: offline (no downloads, no telemetry),
 * a fixed number of intra-op threads (never more than the free cores: oversubscribed OpenMP
 * threads collapse throughput, djl.md §6) and a seeded engine random stream.
 */
public final class TorchRuntime {
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
     */
    public static Engine start(int threads, long seed) {
        configureOffline();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Engine engine = Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(n);
        JniUtils.setSeed(seed);
        Gradients.disableRecording();
        return engine;
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
