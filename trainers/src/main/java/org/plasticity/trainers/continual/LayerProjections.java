package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.ProjectedInputRoute;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.plasticity.GradientProjector;

import java.util.List;

/**
 * The gradient projection {@code G ← G − (G·Bᵀ)·B} of every protected layer (HLOP, GPM), placed per layer and step
 * by a {@link ProjectionSite}: before the forward pass, a layer projected on its inputs gets a
 * {@link ProjectedInputRoute} for the step, so that backward already forms the projected gradient; after backward,
 * the other layers' gradients are projected in place. A step that measures the removed fraction
 * ({@link ProjectionMeter}: every {@value ProjectionMeter#EVERY}th) needs the unprojected gradient as well: a route
 * forms both from its rows at each backward pass, and they are summed up to the optimizer step (OTTT's timesteps
 * without per-timestep updates), whose gradient the fraction describes.
 */
final class LayerProjections {
    private final List<WeightLayer> layers;
    private final List<GradientProjector> projectors;
    private final ProjectionSite site;
    private final ProjectionCost cost;
    private final ProjectionMeter meter;
    private final boolean[] onInputs;
    /** Per layer, the rows its route projected in this step and their projection (for {@link #projectedRows}). */
    private final NDArray[] routeRows;
    private final NDArray[] routeProjected;
    /** Per layer on its inputs, in a measuring step: the unprojected gradient and its removed part so far. */
    private final NDArray[] measuredGradient;
    private final NDArray[] measuredRemoved;
    private boolean measuring;

    /**
     * @param layers the protected layers
     * @param projectors one per layer, in the same order
     * @param meter the method's meter of the removed fraction, sized to the layers each task
     */
    LayerProjections(List<WeightLayer> layers, List<GradientProjector> projectors, ProjectionSite site,
                     ProjectionCost cost, ProjectionMeter meter) {
        this.layers = layers;
        this.projectors = projectors;
        this.site = site;
        this.cost = cost;
        this.meter = meter;
        this.onInputs = new boolean[layers.size()];
        this.routeRows = new NDArray[layers.size()];
        this.routeProjected = new NDArray[layers.size()];
        this.measuredGradient = new NDArray[layers.size()];
        this.measuredRemoved = new NDArray[layers.size()];
    }

    /**
     * Before a step's forward pass (once per step): whether the step measures, then each layer's site, and the routes
     * of those projected on inputs.
     */
    void beforeForward() {
        measuring = meter.tick();
        forgetRouteRows();
        for (int l = 0; l < layers.size(); l++) {
            WeightLayer layer = layers.get(l);
            layer.setErrorRoute(ProjectedInputRoute.unwrap(layer.errorRoute()));
            GradientProjector projector = projectors.get(l);
            onInputs[l] = projector.active() && onInputs(layer, projector);
            if (onInputs[l]) {
                int index = l;
                ProjectedInputRoute.Measure measure = measuring ? (gradient, removed) -> {
                    measuredGradient[index] = sum(measuredGradient[index], gradient);
                    measuredRemoved[index] = sum(measuredRemoved[index], removed);
                } : null;
                layer.setErrorRoute(new ProjectedInputRoute(layer.errorRoute(), x -> {
                    if (routeRows[index] == x) {
                        // the same rows again in this step (OTTT's static image at every timestep), same basis
                        return routeProjected[index];
                    }
                    NDArray projected = projector.projectRows(x);
                    routeRows[index] = x;
                    routeProjected[index] = projected;
                    return projected;
                }, measure));
            }
        }
    }

    /**
     * The projection {@code x − (x·Bᵀ)·B} of layer {@code l}'s input rows that its route formed in this step's
     * forward pass, if {@code rows} is that very tensor (identity, not content), else null. HLOP's Hebbian update
     * of the layer starts from the same residual when its rows are the layer's input (DSR's first layer).
     */
    NDArray projectedRows(int l, NDArray rows) {
        return rows != null && routeRows[l] == rows ? routeProjected[l] : null;
    }

    private void forgetRouteRows() {
        java.util.Arrays.fill(routeRows, null);
        java.util.Arrays.fill(routeProjected, null);
        java.util.Arrays.fill(measuredGradient, null);
        java.util.Arrays.fill(measuredRemoved, null);
    }

    private static NDArray sum(NDArray total, NDArray term) {
        return total == null ? term : total.add(term);
    }

    private boolean onInputs(WeightLayer layer, GradientProjector projector) {
        if (!(layer instanceof LinearLayer) || !projector.projectsRows()) {
            return false;
        }
        return switch (site) {
            case GRADIENT -> false;
            case INPUTS -> true;
            case AUTO -> cost.inputsCheaper(layer.outputs(), layer.fanIn(), projector.basisSize());
        };
    }

    /**
     * After backward (once per optimizer step: T times a batch with OTTT's per-timestep updates): projects the
     * gradients of the layers not projected on their inputs, adding the removed fractions to the meter's sums when
     * the step measures (the routes of the others added theirs when the network completed its gradients).
     */
    void afterBackward() {
        for (int l = 0; l < layers.size(); l++) {
            GradientProjector projector = projectors.get(l);
            if (onInputs[l] && measuredGradient[l] != null) {
                GradientProjector.addRemovedFraction(measuredGradient[l], measuredRemoved[l], meter.sum(l));
                measuredGradient[l] = null;
                measuredRemoved[l] = null;
            }
            NDArray gradient = layers.get(l).weight().gradient();
            if (onInputs[l] || !projector.active() || gradient == null) {
                continue;
            }
            if (measuring) {
                projector.project(gradient, meter.sum(l));
            } else {
                projector.project(gradient, false);
            }
        }
        if (measuring) {
            meter.recorded();
        }
    }

    /** Gives every layer back its own route (before evaluation, and when the task ends). */
    void restoreRoutes() {
        for (int l = 0; l < layers.size(); l++) {
            WeightLayer layer = layers.get(l);
            layer.setErrorRoute(ProjectedInputRoute.unwrap(layer.errorRoute()));
            onInputs[l] = false;
        }
        forgetRouteRows();
    }

    /** Whether layer {@code l} is projected on its inputs in the current step (for tests). */
    boolean onInputs(int l) {
        return onInputs[l];
    }
}
