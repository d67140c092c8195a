package org.plasticity.trainers.config;

/** No adaptation: the source model in evaluation mode, BatchNorm with the source's running statistics. */
public record SourceAdaptation() implements AdaptationMethodConfig {
    /** The only instance. */
    public static final SourceAdaptation DEFAULTS = new SourceAdaptation();

    @Override
    public boolean needsBatchNorm() {
        return false;
    }

    @Override
    public void validate(ConfigProblems problems) {
    }
}
