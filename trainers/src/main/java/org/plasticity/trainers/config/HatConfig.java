package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * HAT, hard attention to the task (Serrà et al. 2018): every group of hidden units has a task
 * embedding e, its gate is {@code a = σ(s·e)} with the slope s annealed from {@code 1/smax} to about
 * {@code smax} within every epoch, the loss adds {@code λ·Σ a·(1 − a<) / Σ (1 − a<)} over the cumulative
 * mask {@code a<} of the earlier tasks, and each weight's gradient is multiplied by
 * {@code 1 − min(a<_post, a<_pre)} so that units earlier tasks use keep their weights. Defaults are the
 * authors' (hat.md §3); docs/BASELINES.md gives the rules.
 *
 * @param smax      s_max, the gate's final slope, &gt;= 1; default 400
 * @param lambda    λ, the weight of the mask-sparsity regulariser (the paper's c), &gt;= 0; default 0.75
 * @param thresCosh clamp of {@code s·e} inside the embedding-gradient compensation's cosh, &gt; 0; default 50
 * @param thresEmb  clamp of the embeddings to {@code ±thresEmb} after every step, &gt; 0; default 6
 * @param clipgrad  clip of the gradient norm over every trained tensor (network and embeddings), &gt; 0;
 *                  default 10000
 * @param anneal    how s rises within an epoch: {@code samples} (the authors' code, {@code i/N} for the batch
 *                  starting at sample i of N) or {@code batches} (the paper, {@code (b−1)/(B−1)}); default
 *                  {@code samples}
 * @param testMask  the gate at test time, at s = smax: {@code binary} ({@code e > 0}, the paper's hard mask) or
 *                  {@code soft} ({@code σ(smax·e)}, the authors' code); default {@code binary}
 */
public record HatConfig(double smax, double lambda, double thresCosh, double thresEmb, double clipgrad,
        String anneal, String testMask) implements ConfigNode {

    /** How s rises within an epoch. */
    public static final List<String> ANNEALING = List.of("samples", "batches");

    /** Gates at test time. */
    public static final List<String> TEST_MASKS = List.of("binary", "soft");

    /** The documented defaults (the authors'), used for every key of {@code "hat": {}}. */
    public static final HatConfig DEFAULTS = new HatConfig(400, 0.75, 50, 6, 10000, "samples", "binary");

    public HatConfig {
        Objects.requireNonNull(anneal, "anneal");
        Objects.requireNonNull(testMask, "testMask");
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (!(smax >= 1)) {
            problems.at("smax").report("expected a number >= 1 (s anneals from 1/smax up to smax), got "
                    + ConfigProblems.format(smax));
        }
        problems.at("lambda").nonNegative(lambda);
        problems.at("thresCosh").positive(thresCosh);
        problems.at("thresEmb").positive(thresEmb);
        problems.at("clipgrad").positive(clipgrad);
        problems.at("anneal").oneOf(anneal, ANNEALING);
        problems.at("testMask").oneOf(testMask, TEST_MASKS);
    }
}
