package org.plasticity.trainers.sizing;

import org.plasticity.datasets.scenario.Scenario;
import org.plasticity.trainers.config.CnnModel;
import org.plasticity.trainers.config.MlpModel;
import org.plasticity.trainers.config.ModelConfig;
import org.plasticity.trainers.config.ResNetModel;

import java.util.List;
import java.util.Map;

/**
 * Estimates the size of the network a model config describes for a scenario, one estimator per model type (the same
 * registry shape as the network builders). The activation factors count what the backward pass keeps per neuron and
 * step: roughly the layer's output, the membrane, the spike and the surrogate's input (4), and for conv blocks also
 * BatchNorm's output and the pooled map.
 */
public final class NetworkSizes {
    @FunctionalInterface
    private interface Estimator {
        NetworkSize estimate(ModelConfig model, Scenario scenario, List<Integer> heads);
    }

    private static final Map<Class<? extends ModelConfig>, Estimator> ESTIMATORS = Map.of(
            MlpModel.class, NetworkSizes::mlp,
            CnnModel.class, NetworkSizes::cnn,
            ResNetModel.class, NetworkSizes::resnet18);

    private static final int NEURON_FLOATS = 4;

    private NetworkSizes() {
    }

    /**
     * The size estimate.
     *
     * @param model the model config
     * @param scenario the data (input shape)
     * @param heads the output units of each head
     * @return the estimate
     */
    public static NetworkSize of(ModelConfig model, Scenario scenario, List<Integer> heads) {
        Estimator estimator = ESTIMATORS.get(model.getClass());
        if (estimator == null) {
            throw new IllegalStateException("no size estimate for " + model.getClass().getSimpleName());
        }
        return estimator.estimate(model, scenario, heads);
    }

    private static NetworkSize mlp(ModelConfig config, Scenario scenario, List<Integer> heads) {
        MlpModel mlp = (MlpModel) config;
        NetworkSize size = new NetworkSize();
        double in = scenario.inputDim();
        String inKey = "data.scenario";
        for (int i = 0; i < mlp.hidden().size(); i++) {
            double out = mlp.hidden().get(i);
            String key = "model.hidden[" + i + "]";
            size.tensor(key, (long) out + " × " + (long) in, in * out + (mlp.bias() ? out : 0));
            size.activations(NEURON_FLOATS * out);
            in = out;
            inKey = key;
        }
        for (int outputs : heads) {
            size.tensor(inKey, outputs + " × " + (long) in, in * outputs);
            size.activations(outputs);
        }
        return size;
    }

    private static NetworkSize cnn(ModelConfig config, Scenario scenario, List<Integer> heads) {
        CnnModel cnn = (CnnModel) config;
        NetworkSize size = new NetworkSize();
        long[] shape = scenario.inputShape();
        double in = shape[0];
        double h = shape.length == 3 ? shape[1] : 1;
        double w = shape.length == 3 ? shape[2] : 1;
        String key = "model.channels";
        for (int i = 0; i < cnn.channels().size(); i++) {
            double out = cnn.channels().get(i);
            key = "model.channels[" + i + "]";
            size.tensor(key, (long) out + " × " + (long) in + " × 3 × 3", out * in * 9 + 2 * out);
            size.activations((NEURON_FLOATS + 1) * out * h * w);
            h = Math.floor(h / 2);
            w = Math.floor(w / 2);
            size.activations(out * h * w);
            in = out;
        }
        double features = in * h * w;
        for (int outputs : heads) {
            size.tensor(key, outputs + " × " + (long) features, features * outputs + outputs);
        }
        return size;
    }

    private static NetworkSize resnet18(ModelConfig config, Scenario scenario, List<Integer> heads) {
        ResNetModel resnet = (ResNetModel) config;
        NetworkSize size = new NetworkSize();
        long[] shape = scenario.inputShape();
        double channels = shape[0];
        double h = shape.length == 3 ? shape[1] : 1;
        double w = shape.length == 3 ? shape[2] : 1;
        boolean strided = resnet.stem().equals("conv5-stride2");
        double nf = resnet.width();
        int k = strided ? 5 : 3;
        size.tensor("model.width", (long) nf + " × " + (long) channels + " × " + k + " × " + k, nf * channels * k * k);
        if (strided) {
            h = Math.ceil(h / 2);
            w = Math.ceil(w / 2);
        }
        size.activations(NEURON_FLOATS * nf * h * w);
        int[] widths = {1, 1, 2, 2, 4, 4, 8, 8};
        double in = nf;
        for (int b = 0; b < widths.length; b++) {
            double out = nf * widths[b];
            boolean down = b > 0 && widths[b] != widths[b - 1];
            if (down) {
                h = Math.ceil(h / 2);
                w = Math.ceil(w / 2);
                size.tensor("model.width", (long) out + " × " + (long) in, out * in);
            }
            size.tensor("model.width", (long) out + " × " + (long) in + " × 3 × 3", out * in * 9 + 2 * in);
            size.tensor("model.width", (long) out + " × " + (long) out + " × 3 × 3", out * out * 9 + 2 * out);
            size.activations(2 * (NEURON_FLOATS + 1) * out * h * w);
            in = out;
        }
        for (int outputs : heads) {
            size.tensor("model.width", outputs + " × " + (long) in, in * outputs + outputs);
        }
        return size;
    }
}
