/**
 * Hebbian machinery of HLOP (hlop.md §2): lateral neurons that learn the principal subspace of a
 * layer's presynaptic activity with Oja's subspace rule ({@link org.plasticity.core.plasticity.HebbianSubspace}),
 * and the projection of weight gradients orthogonally to a fixed basis
 * ({@link org.plasticity.core.plasticity.GradientProjector}) that HLOP and GPM share.
 * All of it runs with gradient recording off: the tensors involved never require gradients.
 */
package org.plasticity.core.plasticity;
