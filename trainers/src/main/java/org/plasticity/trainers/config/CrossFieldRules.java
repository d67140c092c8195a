package org.plasticity.trainers.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules between fields of different parts of an experiment config. Each problem is reported at the path of the
 * setting the rule constrains, and its message names the other setting involved.
 */
final class CrossFieldRules {

    private CrossFieldRules() {
    }

    /** Reports every broken rule of {@code config}. */
    static void check(ExperimentConfig config, ConfigProblems problems) {
        neuronMatchesGradientMethod(config, problems);
        onlineTrainingNeedsAveragePooling(config, problems);
        OnlineTrainingRules.check(config, problems);
        weightedRateReadoutNeedsDsr(config, problems);
        spikeEncodingsNeedRawInput(config, problems);
        latencyNeedsALowThreshold(config, problems);
        perTaskHeadMatchesScenario(config, problems);
        hlopHasOneEntryPerLayer(config, problems);
        gpmHasOneEntryPerLayer(config, problems);
        methodsNotWithMultitask(config, problems);
        hatStandsAlone(config, problems);
        hatFreezesWithoutWeightDecay(config, problems);
        hatNeedsSharedParametersFrozen(config, problems);
    }

    private static void neuronMatchesGradientMethod(ExperimentConfig config, ConfigProblems problems) {
        String method = config.training().method();
        NeuronConfig neuron = config.model().neuron();
        String neuronType = TypeRegistry.nameOf(neuron);
        if (method.equals("dsr") && !(neuron instanceof DsrLifNeuron)) {
            problems.at("training").at("method")
                    .report("dsr requires model.neuron.type=dsr-lif, got model.neuron.type=" + neuronType);
        } else if (method.equals("ottt") && !(neuron instanceof LifNeuron)) {
            problems.at("training").at("method")
                    .report("ottt requires model.neuron.type=lif (the online LIF), got model.neuron.type=" + neuronType);
        } else if (method.equals("bptt") && neuron instanceof DsrLifNeuron) {
            problems.at("training").at("method")
                    .report("bptt requires model.neuron.type lif or if, got model.neuron.type=" + neuronType
                            + " (which needs training.method=dsr)");
        }
    }

    /**
     * OTTT carries presynaptic traces through linear layers; max pooling has no trace rule (the reference
     * trains online only MLPs; conv nets with average pooling are a reconstruction).
     */
    private static void onlineTrainingNeedsAveragePooling(ExperimentConfig config, ConfigProblems problems) {
        if (config.training().method().equals("ottt") && config.model() instanceof CnnModel cnn
                && cnn.pooling().equals("max")) {
            problems.at("model").at("pooling").report("ottt needs avg pooling (max pooling has no trace rule), got max");
        }
    }

    private static void weightedRateReadoutNeedsDsr(ExperimentConfig config, ConfigProblems problems) {
        NeuronConfig neuron = config.model().neuron();
        if (config.model().readout().equals("weighted-rate") && !(neuron instanceof DsrLifNeuron)) {
            problems.at("model").at("readout").report("weighted-rate requires model.neuron.type=dsr-lif, got "
                    + "model.neuron.type=" + TypeRegistry.nameOf(neuron));
        }
    }

    private static void spikeEncodingsNeedRawInput(ExperimentConfig config, ConfigProblems problems) {
        EncodingConfig encoding = config.model().encoding();
        boolean spikes = encoding instanceof PoissonEncoding || encoding instanceof LatencyEncoding;
        if (spikes && config.data().normalize()) {
            problems.at("model").at("encoding").at(TypeRegistry.TYPE_KEY).report(TypeRegistry.nameOf(encoding)
                    + " encoding reads intensities in [0, 1] and requires data.normalize=false, got true");
        }
    }

    /** The highest LIF/IF threshold with which latency-coded MNIST was measured to learn (docs: README). */
    static final double LATENCY_MAX_VTH = 0.2;

    /**
     * Latency coding gives each pixel one spike in T steps, so at PyTorch-default initial weights the first layer's
     * current stays far below a threshold of 1 and no hidden neuron fires: accuracy stays at chance. Measured on
     * MNIST (1 task, 3 000 images, 1 epoch, [100] hidden, T 6): vth 1 gives 8 %, 0.5 18 %, 0.3 43 %, 0.1 64 %.
     */
    private static void latencyNeedsALowThreshold(ExperimentConfig config, ConfigProblems problems) {
        NeuronConfig neuron = config.model().neuron();
        double vth = neuron instanceof LifNeuron l ? l.vth() : neuron instanceof IfNeuron i ? i.vth() : Double.NaN;
        if (config.model().encoding() instanceof LatencyEncoding && vth > LATENCY_MAX_VTH) {
            problems.at("model").at("neuron").at("vth").report("latency encoding gives each pixel one spike in T "
                    + "steps, too little current for a threshold of " + ConfigProblems.format(vth) + ": no hidden "
                    + "neuron fires and nothing is learned; set it <= " + ConfigProblems.format(LATENCY_MAX_VTH)
                    + " (0.1 learns on MNIST) or use direct or poisson encoding");
        }
    }

    private static void perTaskHeadMatchesScenario(ExperimentConfig config, ConfigProblems problems) {
        DataConfig data = config.data();
        String head = config.model().head();
        ConfigProblems at = problems.at("model").at("head");
        if (head.equals("per-task") && !data.perTaskHeads()) {
            at.report("per-task requires a split scenario with data.incremental=task, got data.scenario="
                    + data.scenario() + " and data.incremental=" + data.incremental()
                    + (data.alwaysSharedHead() ? " (" + data.scenario() + " always shares one head)" : ""));
        } else if (data.perTaskHeads() && !head.equals("per-task")) {
            at.report("data.scenario=" + data.scenario() + " with data.incremental=task requires per-task, got "
                    + head);
        }
    }

    private static void hlopHasOneEntryPerLayer(ExperimentConfig config, ConfigProblems problems) {
        HlopConfig hlop = config.method().hlop();
        if (hlop == null) {
            return;
        }
        ConfigProblems at = problems.at("method").at("hlop");
        checkLength(at.at("lr"), hlop.lr().size(), config);
        checkLength(at.at("initial"), hlop.initial().size(), config);
        checkLength(at.at("increment"), hlop.increment().size(), config);
        if (hlop.laterIncrement() != null) {
            checkLength(at.at("laterIncrement"), hlop.laterIncrement().size(), config);
        }
    }

    private static void gpmHasOneEntryPerLayer(ExperimentConfig config, ConfigProblems problems) {
        GpmConfig gpm = config.method().gpm();
        if (gpm != null) {
            checkLength(problems.at("method").at("gpm").at("threshold"), gpm.threshold().size(), config);
        }
    }

    /**
     * Projection methods protect every weight layer of the body and, with a shared head, the head: per-task
     * heads are never trained again, so they get no entry.
     */
    private static void checkLength(ConfigProblems at, int size, ExperimentConfig config) {
        ModelConfig model = config.model();
        boolean headEntry = model.head().equals("shared");
        int layers = model.bodyWeightLayers() + (headEntry ? 1 : 0);
        if (size != layers) {
            at.report("expected " + layers + " entries, one per protected weight layer ("
                    + model.describeBodyWeightLayers() + (headEntry ? " + 1 output" : "; per-task heads are not protected")
                    + "), got " + size);
        }
    }

    /** Multitask is the joint-training upper bound: no continual-learning method applies to it. */
    private static void methodsNotWithMultitask(ExperimentConfig config, ConfigProblems problems) {
        MethodConfig method = config.method();
        if (!method.type().equals("multitask")) {
            return;
        }
        for (String name : sectionsOn(method)) {
            problems.at("method").at(name).report("not supported with method.type=multitask, which trains "
                    + "on all tasks jointly; set it to null or use method.type=finetune");
        }
    }

    /** The keys of the method sections that are on, in declaration order. */
    private static List<String> sectionsOn(MethodConfig method) {
        String[] names = {"hlop", "gpm", "memoryReplay", "experienceReplay", "ewc", "hat"};
        Object[] sections = {method.hlop(), method.gpm(), method.memoryReplay(), method.experienceReplay(),
                method.ewc(), method.hat()};
        List<String> on = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (sections[i] != null) {
                on.add(names[i]);
            }
        }
        return on;
    }

    /**
     * HAT's gates select the current task's units in every forward pass: replayed samples of earlier tasks would
     * train through the wrong task's gates, and projections or a penalty would edit the gradients its masks
     * condition. It is measured on its own, as in GPM's and HLOP's tables.
     */
    private static void hatStandsAlone(ExperimentConfig config, ConfigProblems problems) {
        MethodConfig method = config.method();
        if (method.hat() == null) {
            return;
        }
        for (String name : sectionsOn(method)) {
            if (!name.equals("hat")) {
                problems.at("method").at("hat").report("does not combine with method." + name
                        + " (HAT trains every sample through the current task's gates and conditions the gradients "
                        + "itself); set one of them to null");
            }
        }
    }

    /**
     * HAT protects a weight by zeroing its gradient; weight decay would still shrink it (hat.md §5) and would
     * move the embeddings of earlier tasks' gates.
     */
    private static void hatFreezesWithoutWeightDecay(ExperimentConfig config, ConfigProblems problems) {
        if (config.method().hat() == null) {
            return;
        }
        OptimizerConfig optimizer = config.training().optimizer();
        double decay = optimizer instanceof SgdOptimizer s ? s.weightDecay()
                : optimizer instanceof AdamOptimizer a ? a.weightDecay() : 0;
        if (decay != 0) {
            problems.at("training").at("optimizer").at("weightDecay").report("method.hat needs 0 (HAT freezes a weight "
                    + "by zeroing its gradient, and weight decay would still move it), got "
                    + ConfigProblems.format(decay));
        }
    }

    /**
     * Parameters no gate covers — BatchNorm's statistics and affines (every layered model has BatchNorm) and
     * trainable thresholds, one per layer — are shared by all tasks; unless they freeze after the first task, later
     * tasks change what earlier tasks' units compute (hat.md §5, §6: HLOP's protocol).
     */
    private static void hatNeedsSharedParametersFrozen(ExperimentConfig config, ConfigProblems problems) {
        if (config.method().hat() == null || config.training().freezeAfterFirstTask()) {
            return;
        }
        boolean batchNorm = !(config.model() instanceof MlpModel);
        boolean thresholds = config.model().neuron() instanceof DsrLifNeuron d && d.trainVth();
        if (batchNorm || thresholds) {
            problems.at("training").at("freezeAfterFirstTask").report("method.hat needs true with "
                    + (batchNorm ? "model.type=" + TypeRegistry.nameOf(config.model()) + " (BatchNorm)"
                    : "model.neuron.trainVth=true") + ": parameters no gate covers must freeze after the first task,"
                    + " or later tasks change what earlier tasks' units compute; got false");
        }
    }
}
