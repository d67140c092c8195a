package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.plasticity.core.layer.Conv2dLayer;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Gradients;

/**
 * NHL's soft-Hebbian step on a convolution (tta-nhl.md §1.2; a <b>reconstruction</b> in the form of
 * SoftHebb, Moraitis et al. 2022, since the NHL paper's equations were not found). For the patches
 * {@code x_n} of the layer's input (an exact unfold, so the statistics match the forward pass,
 * padding included) and the filters {@code w_k}:
 * <pre>
 *   u_nk = w_k·x_n,   y_nk = softmax_k(u_nk / τ)                  (soft winner-take-all over channels)
 *   ΔW_k = Σ_n y_nk·x_n − (Σ_n y_nk·u_nk)·w_k                      (Oja-like SoftHebb rule)
 *   ΔW  ← ΔW / (max|ΔW| + 1e-30),   W ← W + η·ΔW
 * </pre>
 * With {@code antiHebbian} the non-winning channels take {@code −y_nk} (the ICLR-2023 multilayer
 * SoftHebb variant). With {@code keepNorms} every filter is rescaled to its norm before the step,
 * which keeps the pretrained filters off the rule's unit-norm fixed point (spec §1.2-4). The bias, if
 * any, takes no part. Runs without recording gradients and writes the weight in place.
 *
 * @param temperature τ &gt; 0
 * @param rate η &gt;= 0 (0 leaves the weights unchanged)
 * @param antiHebbian whether losers get {@code −y}
 * @param keepNorms whether each filter keeps its norm
 */
public record SoftHebbianRule(double temperature, double rate, boolean antiHebbian, boolean keepNorms) {

    public SoftHebbianRule {
        if (!(temperature > 0) || !(rate >= 0)) {
            throw new IllegalArgumentException("soft Hebbian rule needs τ > 0 and η >= 0");
        }
    }

    /**
     * One step on {@code conv} for the inputs {@code x [B, C, H, W]} the layer sees.
     *
     * @return the update's size before normalisation, {@code max|ΔW|}, as a 0-d tensor (not read here)
     */
    public NDArray step(Conv2dLayer conv, NDArray x, Constants constants) {
        try (Gradients.AutoCloseableMode ignored = Gradients.notRecording()) {
            NDArray weight = conv.weight().value();
            Shape shape = weight.getShape();
            NDArray w = weight.stopGradient();
            NDArray input = x.stopGradient();
            int k = conv.kernel();
            Shape stride = new Shape(conv.stride(), conv.stride());
            Shape padding = new Shape(conv.padding(), conv.padding());
            // u = w·x at every location: the layer's own convolution, bias left out
            NDArray u = Conv2d.conv2d(input, w, null, stride, padding, new Shape(1, 1), 1).singletonOrThrow();
            NDArray y = u.mul(constants.of(1.0 / temperature)).softmax(1);
            if (antiHebbian) {
                // +1 for the winner, −1 for the others
                NDArray sign = u.argMax(1).oneHot(conv.outputs()).transpose(0, 3, 1, 2).toType(DataType.FLOAT32, false)
                        .mul(constants.of(2.0)).sub(constants.of(1.0));
                y = y.mul(sign);
            }
            // Σ_n y_nk·x_n as a convolution over the batch (SoftHebb's demo.py): input xᵀ [C, B, H, W], weight
            // yᵀ [K, B, H', W'], dilated by the layer's stride; the output is at least k×k and is cropped to it
            NDArray yx = Conv2d.conv2d(input.transpose(1, 0, 2, 3), y.transpose(1, 0, 2, 3), null, new Shape(1, 1),
                    padding, stride, 1).singletonOrThrow()
                    .get(new NDIndex(":, :, 0:{}, 0:{}", k, k)).transpose(1, 0, 2, 3);
            NDArray yu = y.mul(u).sum(new int[] {0, 2, 3}).reshape(conv.outputs(), 1, 1, 1);
            NDArray delta = yx.sub(yu.mul(w));
            NDArray size = delta.abs().max();
            NDArray change = delta.div(size.add(constants.of(1e-30))).mul(constants.of(rate));
            if (keepNorms) {
                NDArray w2 = w.reshape(conv.outputs(), conv.fanIn());
                NDArray updated = w2.add(change.reshape(conv.outputs(), conv.fanIn()));
                NDArray norms = w2.norm(new int[] {1}, true);
                updated = updated.mul(norms.div(updated.norm(new int[] {1}, true).add(constants.of(1e-30))));
                change = updated.sub(w2).reshape(shape);
            }
            // in place on the device: every reference to the weight stays valid, no host copy
            weight.addi(change);
            return size;
        }
    }
}
