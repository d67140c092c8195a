package org.plasticity.core.net;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.core.layer.BatchNormLayer;
import org.plasticity.core.layer.ChannelAffineLayer;
import org.plasticity.core.layer.ChannelMixLayer;
import org.plasticity.core.layer.Conv2dLayer;
import org.plasticity.core.layer.Layer;

/**
 * An architecture with NHL's neuro-modulator inserted after its first convolution — after that
 * convolution's BatchNorm when one follows it directly, so the modulator acts on the first neurons'
 * input current (tta-nhl.md §1.3 (a), §6.2) and a BatchNorm with batch statistics cannot normalise
 * it away. The modulator starts as the identity, so the modulated network computes exactly what the
 * base network computes; its parameters are named {@value #NAME}{@code .*}, which the source
 * weights do not contain.
 */
public final class ModulatedArchitecture implements Architecture {
    /** Parameter-name prefix of the modulator. */
    public static final String NAME = "modulator";

    /** The modulator's form. */
    public enum Kind {
        /** Per-channel gain and shift (the default). */
        CHANNEL_AFFINE {
            @Override
            Layer create(int channels, NDManager manager) {
                return new ChannelAffineLayer(NAME, channels, manager);
            }
        },
        /** An identity-initialised 1×1 convolution. */
        CONV_1X1 {
            @Override
            Layer create(int channels, NDManager manager) {
                return new ChannelMixLayer(NAME, channels, manager);
            }
        };

        abstract Layer create(int channels, NDManager manager);
    }

    private final Architecture base;
    private final Kind kind;

    public ModulatedArchitecture(Architecture base, Kind kind) {
        this.base = base;
        this.kind = kind;
    }

    @Override
    public long[] inputShape() {
        return base.inputShape();
    }

    /**
     * @throws IllegalArgumentException when the first layer of the body is not a convolution
     */
    @Override
    public Parts build(NetworkContext context, SplittableRandom random) {
        Parts parts = base.build(context, random);
        List<Layer> body = new ArrayList<>(parts.body());
        if (body.isEmpty() || !(body.get(0) instanceof Conv2dLayer conv)) {
            throw new IllegalArgumentException("the neuro-modulator goes after a first convolution, and this network"
                    + " does not start with one");
        }
        int at = body.size() > 1 && body.get(1) instanceof BatchNormLayer ? 2 : 1;
        body.add(at, kind.create(conv.outChannels(), context.manager()));
        return new Parts(parts.inputShape(), body, parts.heads(), parts.gates());
    }
}
