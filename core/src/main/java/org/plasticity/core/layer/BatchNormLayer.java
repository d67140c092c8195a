package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import org.plasticity.core.tensor.StepScope;

import java.util.Arrays;
import java.util.List;

/**
 * Batch normalisation over the channel axis of {@code [N, C]} (1-D) or {@code [N, C, H, W]} (2-D)
 * inputs: {@code y = γ·(x − μ)/√(σ² + ε) + β} per channel, where in {@link Mode#TRAIN} and
 * {@link Mode#ADAPT} μ and σ² are the batch's mean and biased variance over N (and H, W), and in
 * {@link Mode#EVAL} the running statistics. TRAIN also updates the running statistics in place as
 * PyTorch does, {@code r_μ ← (1 − m)·r_μ + m·μ} and {@code r_σ² ← (1 − m)·r_σ² + m·σ²·n/(n − 1)}
 * (the unbiased batch variance, n = N·H·W); ADAPT leaves them unchanged. Time-major activities
 * {@code [T·B, ...]} are normalised as one batch of T·B rows.
 *
 * <p>Test-time adaptation may mix the statistics in ADAPT (BN-α, tta-nhl.md §3):
 * {@code μ = (1 − α)·r_μ + α·μ_B}, {@code σ² = (1 − α)·r_σ² + α·σ²_B}; α = 1 (the default) is plain
 * batch statistics.
 *
 * <p>DJL's {@code batchNorm} takes the complement of PyTorch's momentum (it passes {@code 1 − m}
 * to libtorch), so this layer hands it {@code 1 − m}.
 */
public final class BatchNormLayer implements TimeLinear {
    private final String name;
    private final int channels;
    private final double momentum;
    private final float eps;
    private final Param gamma;
    private final Param beta;
    private final Buffer runningMean;
    private final Buffer runningVar;
    private boolean frozen;
    private double adaptMix = 1.0;

    /**
     * @param name parameter name prefix, e.g. {@code bn1}
     * @param channels C
     * @param momentum PyTorch's momentum m (0.1 in PyTorch)
     * @param eps ε added to the variance (1e-5 in PyTorch)
     * @param manager long-lived manager that owns parameters and buffers
     */
    public BatchNormLayer(String name, int channels, double momentum, double eps, NDManager manager) {
        if (channels < 1 || momentum < 0 || momentum > 1 || eps <= 0) {
            throw new IllegalArgumentException(name + ": needs channels ≥ 1, momentum in [0, 1], eps > 0");
        }
        this.name = name;
        this.channels = channels;
        this.momentum = momentum;
        this.eps = (float) eps;
        Shape c = new Shape(channels);
        this.gamma = new Param(name + ".weight", StepScope.keep(manager.ones(c)));
        this.beta = new Param(name + ".bias", StepScope.keep(manager.zeros(c)));
        this.runningMean = new Buffer(name + ".runningMean", StepScope.keep(manager.zeros(c)));
        this.runningVar = new Buffer(name + ".runningVar", StepScope.keep(manager.ones(c)));
    }

    @Override
    public String name() {
        return name;
    }

    public int channels() {
        return channels;
    }

    public Param gamma() {
        return gamma;
    }

    public Param beta() {
        return beta;
    }

    public Buffer runningMean() {
        return runningMean;
    }

    public Buffer runningVar() {
        return runningVar;
    }

    public boolean frozen() {
        return frozen;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        Mode mode = frozen ? Mode.EVAL : context.mode();
        if (mode == Mode.TRAIN) {
            NDArray x = context.timeMajor(input);
            return Activity.timeMajor(normalise(x, runningMean.value(), runningVar.value(), true));
        }
        if (mode == Mode.ADAPT) {
            // batch statistics of a static input equal those of its T identical copies
            if (adaptMix < 1.0) {
                return input.map(x -> mixed(x, context));
            }
            return input.map(x -> normalise(x, runningMean.value().duplicate(), runningVar.value().duplicate(), true));
        }
        return input.map(x -> normalise(x, runningMean.value(), runningVar.value(), false));
    }

    /** With fixed statistics (frozen, or evaluation mode) BatchNorm is an affine map per channel. */
    @Override
    public boolean timeLinear(ForwardContext context) {
        return frozen || context.mode() == Mode.EVAL;
    }

    /** {@code (S − k·μ)·γ/√(σ² + ε) + k·β} for a weighted sum S whose weights add up to k. */
    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        if (k == 1.0) {
            return normalise(sum, runningMean.value(), runningVar.value(), false);
        }
        NDArray kk = context.constants().of(k);
        return BatchNorm.batchNorm(sum, runningMean.value().mul(kk), runningVar.value(), gamma.value(),
                beta.value().mul(kk), 1, (float) (1.0 - momentum), eps, false).singletonOrThrow();
    }

    /**
     * Sets α of the ADAPT statistics, {@code 0 ≤ α ≤ 1}: 1 uses the test batch's statistics alone, 0
     * the source's running ones.
     */
    public void setAdaptationMix(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException(name + ": the adaptation mix must be in [0, 1], got " + alpha);
        }
        this.adaptMix = alpha;
    }

    public double adaptationMix() {
        return adaptMix;
    }

    /** {@code γ·(x − μ)/√(σ² + ε) + β} with the mixed statistics, written out so gradients reach μ_B and σ²_B. */
    private NDArray mixed(NDArray x, ForwardContext context) {
        boolean spatial = x.getShape().dimension() == 4;
        int[] axes = spatial ? new int[] {0, 2, 3} : new int[] {0};
        Shape perChannel = spatial ? new Shape(1, channels, 1, 1) : new Shape(1, channels);
        // DJL's PyTorch mean takes one axis: sums over (N, H, W) divided by their count
        NDArray perCount = context.constants().of(1.0 * channels / x.getShape().size());
        NDArray batchMean = x.sum(axes).mul(perCount);
        NDArray deviation = x.sub(batchMean.reshape(perChannel));
        NDArray batchVar = deviation.mul(deviation).sum(axes).mul(perCount);
        NDArray a = context.constants().of(adaptMix);
        NDArray b = context.constants().of(1.0 - adaptMix);
        NDArray mean = runningMean.value().mul(b).add(batchMean.mul(a));
        NDArray var = runningVar.value().mul(b).add(batchVar.mul(a));
        NDArray scale = gamma.value().div(var.add(context.constants().of(eps)).sqrt());
        return x.sub(mean.reshape(perChannel)).mul(scale.reshape(perChannel)).add(beta.value().reshape(perChannel));
    }

    private NDArray normalise(NDArray x, NDArray mean, NDArray var, boolean batchStatistics) {
        int rank = x.getShape().dimension();
        if ((rank != 2 && rank != 4) || x.getShape().get(1) != channels) {
            throw new IllegalArgumentException(name + " takes [N, " + channels + "] or [N, " + channels
                    + ", H, W], got " + x.getShape());
        }
        // DJL passes (1 − momentum) to libtorch: hand it the complement of PyTorch's m
        float djlMomentum = (float) (1.0 - momentum);
        return BatchNorm.batchNorm(x, mean, var, gamma.value(), beta.value(), 1, djlMomentum, eps,
                batchStatistics).singletonOrThrow();
    }

    @Override
    public long[] outputShape(long[] input) {
        if ((input.length != 1 && input.length != 3) || input[0] != channels) {
            throw new IllegalArgumentException(name + " takes [" + channels + "] or [" + channels
                    + ", H, W], got " + Arrays.toString(input));
        }
        return input.clone();
    }

    /** γ then β. */
    @Override
    public List<Param> parameters() {
        return List.of(gamma, beta);
    }

    /** Running mean then running variance. */
    @Override
    public List<Buffer> buffers() {
        return List.of(runningMean, runningVar);
    }

    /** From now on normalises with the running statistics in every mode; γ and β stop training. */
    @Override
    public void freezeStatistics() {
        frozen = true;
        gamma.setTrainable(false);
        beta.setTrainable(false);
    }
}
