package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;
import org.plasticity.trainers.RunInterrupted;
import org.plasticity.trainers.Trainer;
import org.plasticity.trainers.config.AdaptationConfig;
import org.plasticity.trainers.config.AdaptationMethodConfig;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ModelConfig;
import org.plasticity.trainers.run.Progress;

/**
 * The one test-time adaptation loop: the source weights are loaded, and for each shifted stream (reset to the source
 * model first, unless continual) the unlabelled test batches arrive in file order; the method adapts on each and the
 * logits it returns score the batch's samples, each exactly once. Each stream is uploaded to the device once and
 * sliced there; correct predictions are counted on the device and read once per stream.
 */
public final class AdaptationTrainer implements Trainer<AdaptationResult> {

    @Override
    public AdaptationResult run(Experiment experiment) {
        long start = System.nanoTime();
        ExperimentConfig config = experiment.config();
        AdaptationConfig adaptation = config.adaptation();
        Network network = experiment.network();
        Task task = experiment.scenario().task(adaptation.task());
        int head = experiment.scenario().taskIncremental() ? adaptation.task() : 0;
        SourceRun.loadWeights(network, Path.of(adaptation.source()));
        List<ShiftStream> streams = ShiftStreams.build(config, task);
        String methodName = AdaptationMethodConfig.typeName(adaptation.method());
        experiment.log().info("adapting the source in %s with %s on %d stream(s), batch %d, reset %s",
                adaptation.source(), methodName, streams.size(), adaptation.batchSize(), adaptation.reset());
        NetworkSnapshot snapshot = new NetworkSnapshot(network);
        List<AdaptationResult.ShiftResult> results = new ArrayList<>();
        long batches = 0;
        long adaptNanos = 0;
        try (AdaptationMethod method = AdaptationMethods.create(new AdaptationContext(network, head, config),
                adaptation.method())) {
            for (int s = 0; s < streams.size(); s++) {
                if (s > 0 && adaptation.resetEachShift()) {
                    snapshot.restore();
                    method.reset();
                }
                ShiftStream stream = streams.get(s);
                long t0 = System.nanoTime();
                int n = stream.size();
                int count = (n + adaptation.batchSize() - 1) / adaptation.batchSize();
                double correct = score(experiment, network, method, stream, adaptation.batchSize(), count);
                long elapsed = System.nanoTime() - t0;
                batches += count;
                adaptNanos += elapsed;
                double error = 1.0 - correct / n;
                double ms = elapsed / 1e6 / count;
                results.add(new AdaptationResult.ShiftResult(stream.name(),
                        stream.corruption() == null ? null : stream.corruption().configName(), stream.severity(), n,
                        error, ms, new TreeMap<>(method.diagnostics())));
                experiment.log().info("%-26s error %6.2f %%  (%d samples, %.1f ms/batch)", stream.name(), 100 * error,
                        n, ms);
            }
        }
        AdaptationResult result = new AdaptationResult(AdaptationResult.KIND, config.name(), methodName,
                adaptation.source(), ModelConfig.typeName(config.model()), config.training().method(),
                experiment.device().toString(), adaptation.reset(), adaptation.batchSize(),
                adaptation.shifts().frost() == null ? "procedural substitute" : "photos", results,
                meanError(results), bySeverity(results), adaptNanos / 1e6 / Math.max(1, batches),
                (System.nanoTime() - start) / 1e9);
        if (result.meanError() != null) {
            experiment.log().info("mean error over the corruptions %.2f %%", 100 * result.meanError());
        }
        if (experiment.runDirectory() != null) {
            AdaptationResults.write(experiment.runDirectory(), result);
        }
        return result;
    }

    private static double score(Experiment experiment, Network network, AdaptationMethod method, ShiftStream stream,
                                int batchSize, int count) {
        try (NDManager streamManager = network.manager().newSubManager();
             Progress progress = experiment.progress().start(stream.name(), count, "batches")) {
            NDArray features = streamManager.create(stream.features(), new Shape(stream.size(), stream.dim()));
            NDArray labels = streamManager.create(stream.labels()).toType(DataType.INT64, false);
            NDArray correct = streamManager.zeros(new Shape(), DataType.INT64);
            for (int b = 0; b < count; b++) {
                if (experiment.control().stopRequested()) {
                    throw new RunInterrupted(experiment.runDirectory() == null ? null : experiment.runDirectory().path());
                }
                int from = b * batchSize;
                int to = Math.min(stream.size(), from + batchSize);
                try (StepScope scope = StepScope.open()) {
                    NDArray x = features.get(new NDIndex("{}:{}", from, to));
                    NDArray predicted = method.adapt(x).argMax(1).toType(DataType.INT64, false);
                    NDArray hits = predicted.eq(labels.get(new NDIndex("{}:{}", from, to))).sum();
                    correct.addi(hits.toType(DataType.INT64, false));
                }
                progress.advance(1, null);
            }
            return correct.getLong();
        }
    }

    private static Double meanError(List<AdaptationResult.ShiftResult> results) {
        double sum = 0;
        int n = 0;
        for (AdaptationResult.ShiftResult r : results) {
            if (r.corruption() != null) {
                sum += r.error();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static Map<String, Double> bySeverity(List<AdaptationResult.ShiftResult> results) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (AdaptationResult.ShiftResult r : results) {
            if (r.corruption() != null) {
                double[] s = sums.computeIfAbsent(r.severity(), k -> new double[2]);
                s[0] += r.error();
                s[1]++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((severity, s) -> out.put(String.format(Locale.ROOT, "%d", severity), s[0] / s[1]));
        return out;
    }
}
