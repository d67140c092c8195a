package org.plasticity.trainers.config;

/**
 * What OTTT ({@code training.method=ottt}) can do, so that no setting is accepted and then ignored: the online
 * forward pass feeds the static image to the first layer at every step (as the reference), so only the
 * {@code direct} encoding applies; the membrane is detached after every step, so the reset is always detached
 * ({@code detachReset=false} would mean nothing); and the classifier learns from the last hidden layer's trace, so
 * an MLP must have a hidden layer. The LIF's {@code decayInput} is honoured by the online LIF. The same holds
 * for conv nets, whose weight layers after neurons take their gradient from the neurons' trace.
 */
final class OnlineTrainingRules {

    private OnlineTrainingRules() {
    }

    /** Reports every OTTT setting that cannot take effect. */
    static void check(ExperimentConfig config, ConfigProblems problems) {
        if (!config.training().method().equals("ottt")) {
            return;
        }
        ModelConfig mlp = config.model();
        ConfigProblems model = problems.at("model");
        if (!(mlp.encoding() instanceof DirectEncoding)) {
            model.at("encoding").at(TypeRegistry.TYPE_KEY).report("training.method=ottt feeds the image itself to "
                    + "the first layer at every step (the reference's online training); "
                    + TypeRegistry.nameOf(mlp.encoding()) + " encoding has no online form there; use direct, or "
                    + "training.method=bptt");
        }
        if (mlp.neuron() instanceof LifNeuron lif && !lif.detachReset()) {
            model.at("neuron").at("detachReset").report("training.method=ottt detaches the membrane after every "
                    + "step, so the reset is always detached; false cannot take effect, set true (or use bptt)");
        }
        if (mlp instanceof MlpModel m && m.hidden().isEmpty()) {
            model.at("hidden").report("training.method=ottt needs at least one hidden layer (the classifier learns "
                    + "from the last hidden layer's spike trace), got []");
        }
    }
}
