package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.ProbedRoute;
import org.plasticity.core.layer.ProjectedInputRoute;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.net.Network;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The squared per-sample gradients of a batch from one backward pass, where every trainable parameter is a weight
 * layer's weight or bias. With the loss summed over the batch, a {@link ProbedRoute} on each layer gives
 * {@code g = ∂L/∂y} per output row, and sample i's weight gradient is {@code G_i = Σ_{r ∈ i} g_r·x_rᵀ} over its
 * presynaptic rows. Its square summed over the batch is
 *
 * <pre>  Σ_i G_i∘G_i = (g∘g)ᵀ·(x∘x)          one row per sample (DSR's B-row sums)
 *  Σ_i G_i∘G_i = Σ_i (g_iᵀ·x_i)∘(g_iᵀ·x_i)  several rows per sample (timesteps, conv positions), in chunks</pre>
 *
 * and a bias's is {@code Σ_i (Σ_{r ∈ i} g_r)²}. This is exact: in evaluation mode no layer couples the samples of a
 * batch. Not covered, so left to one backward pass per sample: thresholds, BatchNorm and HAT parameters while they
 * are trainable, a trainable bias the layer scales (DSR's time sums add {@code T·b}), OTTT's trace-based gradients,
 * and layers whose route projects their input rows.
 */
final class BatchedFisher {
    /** Elements of one chunk of per-sample gradients {@code [samples, out, fanIn]}. */
    private static final long CHUNK_ELEMENTS = 1L << 24;

    private final List<WeightLayer> layers;
    private final Predicate<Param> estimated;
    private final Map<Param, Integer> index = new IdentityHashMap<>();

    private BatchedFisher(Network network, Predicate<Param> estimated) {
        this.layers = network.weightLayers();
        this.estimated = estimated;
        List<Param> params = network.parameters();
        for (int k = 0; k < params.size(); k++) {
            index.put(params.get(k), k);
        }
    }

    /**
     * The batched estimator for the parameters {@code estimated} picks, or null when one of them or a layer's
     * route is outside the identity.
     */
    static BatchedFisher of(Network network, Predicate<Param> estimated) {
        if (network.online() != null) {
            return null;
        }
        Map<Param, Boolean> covered = new IdentityHashMap<>();
        for (WeightLayer layer : network.weightLayers()) {
            if (layer.errorRoute() instanceof ProjectedInputRoute || layer.errorRoute() instanceof ProbedRoute) {
                return null;
            }
            covered.put(layer.weight(), true);
            if (layer.bias() != null) {
                covered.put(layer.bias(), true);
            }
        }
        for (Param p : network.parameters()) {
            if (estimated.test(p) && !covered.containsKey(p)) {
                return null;
            }
        }
        return new BatchedFisher(network, estimated);
    }

    /**
     * Runs the batch's forward and backward pass (loss summed over its samples) with probes on every layer and adds
     * each estimated parameter's summed squared per-sample gradient to {@code sums} (indexed as
     * {@code network.parameters()}). The caller opens the step scope.
     *
     * @return false, with {@code sums} untouched, when the pass used a parameter outside the identity (a scaled
     *     trainable bias, a trace)
     */
    boolean accumulate(TrainingStep step, Batch batch, StepContext context, List<NDArray> sums) {
        List<ProbedRoute> probes = new ArrayList<>(layers.size());
        for (WeightLayer layer : layers) {
            ProbedRoute probe = new ProbedRoute(layer.errorRoute());
            layer.setErrorRoute(probe);
            probes.add(probe);
        }
        try {
            step.gradients(batch, context, 1);
            List<NDArray> additions = new ArrayList<>(sums.size());
            for (int k = 0; k < sums.size(); k++) {
                additions.add(null);
            }
            for (int l = 0; l < layers.size(); l++) {
                if (!layerSquares(layers.get(l), probes.get(l), batch.size(), additions)) {
                    return false;
                }
            }
            for (int k = 0; k < sums.size(); k++) {
                if (additions.get(k) != null && sums.get(k) != null) {
                    sums.get(k).addi(additions.get(k));
                }
            }
            return true;
        } finally {
            for (int l = 0; l < layers.size(); l++) {
                layers.get(l).setErrorRoute(probes.get(l).inner());
            }
        }
    }

    /** The layer's summed squared per-sample weight and bias gradients into {@code additions}. */
    private boolean layerSquares(WeightLayer layer, ProbedRoute probe, int samples, List<NDArray> additions) {
        if (probe.traced()) {
            return false;
        }
        Param weight = layer.weight();
        Param bias = layer.bias();
        boolean weightWanted = estimated.test(weight);
        boolean biasWanted = bias != null && estimated.test(bias);
        if (!weightWanted && !biasWanted) {
            return true;
        }
        List<NDArray> gradientRows = new ArrayList<>();
        List<NDArray> inputRows = new ArrayList<>();
        for (ProbedRoute.Application a : probe.applications()) {
            NDArray g = a.probe().getGradient();
            long rows = a.input().getShape().get(0);
            if (rows % samples != 0) {
                return false;
            }
            long steps = rows / samples;
            NDArray gFlat = outputRows(g);
            long perRow = gFlat.getShape().get(0) / rows;
            gradientRows.add(bySample(gFlat, steps, samples, perRow));
            if (weightWanted) {
                inputRows.add(bySample(layer.presynapticRows(a.input()), steps, samples, perRow));
            }
            if (biasWanted && a.bias() != null && a.bias() != bias.value()) {
                return false;
            }
        }
        if (gradientRows.isEmpty()) {
            return true;
        }
        NDArray g = NDArrays.concat(new NDList(gradientRows), 1);
        if (weightWanted) {
            NDArray x = NDArrays.concat(new NDList(inputRows), 1);
            additions.set(index.get(weight), weightSquares(g, x).reshape(weight.value().getShape()));
        }
        if (biasWanted) {
            additions.set(index.get(bias), g.sum(new int[] {1}).square().sum(new int[] {0}));
        }
        return true;
    }

    /** {@code Σ_i (g_iᵀ·x_i)∘(g_iᵀ·x_i)} for {@code g [B, K, out]}, {@code x [B, K, fanIn]}. */
    private static NDArray weightSquares(NDArray g, NDArray x) {
        long samples = g.getShape().get(0);
        long rowsPerSample = g.getShape().get(1);
        long out = g.getShape().get(2);
        long fanIn = x.getShape().get(2);
        if (rowsPerSample == 1) {
            return g.squeeze(1).square().transpose().matMul(x.squeeze(1).square());
        }
        long chunk = Math.max(1, CHUNK_ELEMENTS / (out * fanIn));
        NDArray total = null;
        for (long from = 0; from < samples; from += chunk) {
            long to = Math.min(samples, from + chunk);
            NDArray gi = g.get("{}:{}", from, to);
            NDArray xi = x.get("{}:{}", from, to);
            NDArray squares = gi.transpose(0, 2, 1).matMul(xi).square().sum(new int[] {0});
            total = total == null ? squares : total.add(squares);
        }
        return total;
    }

    /** An output gradient as rows {@code [R·L, out]}: unchanged for {@code [R, out]}, channels last for a map. */
    private static NDArray outputRows(NDArray g) {
        Shape s = g.getShape();
        if (s.dimension() == 2) {
            return g;
        }
        return g.transpose(0, 2, 3, 1).reshape(-1, s.get(1));
    }

    /**
     * Rows {@code [m·B·q, c]} ordered step-major ({@code ((t·B + i)·q + p)}, the layout of time-major activities and
     * of the unfold) regrouped by sample: {@code [B, m·q, c]}.
     */
    private static NDArray bySample(NDArray rows, long steps, long samples, long perRow) {
        long columns = rows.getShape().get(1);
        return rows.reshape(steps, samples, perRow, columns).transpose(1, 0, 2, 3)
                .reshape(samples, steps * perRow, columns);
    }
}
