package org.plasticity.trainers.report;

import java.nio.file.Path;

/**
 * One plot of the report.
 *
 * @param file    the PNG, relative to the report folder
 * @param caption what it shows
 * @param section {@code overview}, {@code groups} or {@code runs}
 * @param png     the image bytes
 */
public record Plot(Path file, String caption, String section, byte[] png) {
}
