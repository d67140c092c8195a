package org.plasticity.datasets.corruption;

/** Placeholder until the corruption generator lands. */
public record ImageGeometry(int channels, int height, int width) {
}
