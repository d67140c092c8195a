package org.plasticity.trainers.continual;

import java.util.Locale;

/**
 * Where a protected layer's gradient projection {@code G − (G·Bᵀ)·B} is computed ({@code method.hlop.projectOn},
 * {@code method.gpm.projectOn}): on the gradient after backward, or on the layer's input rows during the forward
 * pass ({@code gᵀ·(X − X·Bᵀ·B)}, {@link org.plasticity.core.layer.ProjectedInputRoute}). Both give the same gradient
 * up to float rounding; the input rows are possible only for linear layers with an exact (unquantised) projection.
 */
public enum ProjectionSite {
    /** Per layer and step, the cheaper of the two by multiply-adds ({@link ProjectionCost}). */
    AUTO,
    /** Always on the gradient (the reference's order of operations). */
    GRADIENT,
    /** On the input rows wherever that is possible, else on the gradient. */
    INPUTS;

    /** The site of config name {@code name} (one of {@code HlopConfig.PROJECT_ON}). */
    public static ProjectionSite named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
