package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * HAT's task embeddings: for every gate g and task t a vector {@code e_{g,t}} of the gate's width,
 * drawn N(0, 1) (the default of the authors' {@code nn.Embedding}) from the run seed. Each vector is
 * its own parameter, so an optimizer over task t's vectors cannot touch another task's. While task
 * t trains its gates are {@code a = σ(s·e_t)}; after it, its mask is {@code σ(smax·e_t)}.
 *
 * <p>After backward the gradient is compensated (hat.md §1.6):
 * {@code ∂e ← ∂e · (smax/s) · (cosh(clamp(s·e, ±thresCosh)) + 1) / (cosh(e) + 1)}, which for
 * {@code |s·e| ≤ thresCosh} is {@code (∂L/∂a)·smax·σ′(e)}: the gradient of a gate of slope 1, scaled
 * by smax (the clamp keeps cosh finite in float32); after the update e is clamped to
 * {@code ±thresEmb}.
 */
final class HatEmbeddings {
    /** [task][gate]. */
    private final List<List<Param>> vectors = new ArrayList<>();

    HatEmbeddings(List<UnitGate> gates, int tasks, NDManager manager, long seed) {
        Random random = new Random(seed);
        for (int t = 0; t < tasks; t++) {
            List<Param> task = new ArrayList<>();
            for (UnitGate gate : gates) {
                float[] v = new float[gate.width()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                }
                task.add(new Param("hat.e." + gate.name() + "." + t,
                        StepScope.keep(manager.create(v, new Shape(v.length)))));
            }
            vectors.add(task);
        }
    }

    /** Task t's vectors, one per gate, in gate order. */
    List<Param> of(int task) {
        return vectors.get(task);
    }

    /** {@code σ(s·e_{g,t})} with its graph to the embedding. */
    NDArray gate(int task, int gate, NDArray s) {
        return Activation.sigmoid(vectors.get(task).get(gate).value().mul(s));
    }

    /** Task t's masks {@code σ(smax·e_t)}, one per gate, without graph. */
    List<NDArray> masks(int task, double smax, Constants c) {
        List<NDArray> masks = new ArrayList<>();
        try (Gradients.AutoCloseableMode g = Gradients.notRecording()) {
            for (Param p : vectors.get(task)) {
                masks.add(Activation.sigmoid(p.value().mul(c.of(smax))));
            }
        }
        return masks;
    }

    /**
     * The compensation factor {@code (smax/s)·(cosh(clamp(s·e, ±thresCosh)) + 1)/(cosh(e) + 1)}.
     */
    static NDArray compensation(NDArray e, NDArray s, double smax, double thresCosh, Constants c) {
        NDArray num = e.mul(s).maximum(c.of(-thresCosh)).minimum(c.of(thresCosh)).cosh().add(c.of(1));
        NDArray den = e.cosh().add(c.of(1));
        return c.of(smax).div(s).mul(num).div(den);
    }

    /** Multiplies the gradient of task t's vectors by their {@link #compensation}, in place. */
    void compensate(int task, NDArray s, double smax, double thresCosh, Constants c) {
        try (Gradients.AutoCloseableMode g = Gradients.notRecording()) {
            for (Param p : vectors.get(task)) {
                NDArray grad = p.gradient();
                if (grad != null) {
                    grad.muli(compensation(p.value(), s, smax, thresCosh, c));
                }
            }
        }
    }

    /** {@code e ← clamp(e, ±thres)} for task t's vectors, in place. */
    void clamp(int task, double thres, Constants c) {
        try (Gradients.AutoCloseableMode g = Gradients.notRecording()) {
            for (Param p : vectors.get(task)) {
                NDArray clamped = p.value().maximum(c.of(-thres)).minimum(c.of(thres));
                p.value().subi(p.value()).addi(clamped);
            }
        }
    }

    /** The gradients of task t's vectors (those backward reached). */
    List<NDArray> gradients(int task) {
        List<NDArray> grads = new ArrayList<>();
        for (Param p : vectors.get(task)) {
            NDArray g = p.gradient();
            if (g != null) {
                grads.add(g);
            }
        }
        return grads;
    }

    void zeroGradients(int task) {
        vectors.get(task).forEach(Param::zeroGradient);
    }

    void save(Checkpoint checkpoint, String prefix) {
        for (List<Param> task : vectors) {
            for (Param p : task) {
                checkpoint.putTensor(prefix + p.name(), p.value());
            }
        }
    }

    /** Restores every vector in place, bit for bit. */
    void restore(Checkpoint checkpoint, String prefix, NDManager manager) {
        for (List<Param> task : vectors) {
            for (Param p : task) {
                try (NDArray saved = checkpoint.tensor(prefix + p.name(), manager)) {
                    p.value().set(FloatBuffer.wrap(saved.toFloatArray()));
                }
            }
        }
    }
}
