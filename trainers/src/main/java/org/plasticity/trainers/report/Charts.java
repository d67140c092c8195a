package org.plasticity.trainers.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots as PNG bytes, drawn by XChart off-screen (headless): the accuracy matrix as a heatmap, each
 * task's accuracy over the task sequence, and ACC/BWT per group with error bars (± one standard deviation over
 * seeds). Accuracies are in percent, BWT in percentage points.
 */
public final class Charts {

    /** Size of the ACC and BWT bar charts. */
    public static final int BARS_WIDTH = 600;
    /** Size of the ACC and BWT bar charts. */
    public static final int BARS_HEIGHT = 420;
    /** Size of a heatmap. */
    public static final int HEATMAP_WIDTH = 640;
    /** Size of a heatmap. */
    public static final int HEATMAP_HEIGHT = 560;
    /** Size of a per-task accuracy chart. */
    public static final int LINES_WIDTH = 760;
    /** Size of a per-task accuracy chart. */
    public static final int LINES_HEIGHT = 480;

    static final Color[] HEAT = {new Color(0xfff5eb), new Color(0xfdae6b), new Color(0xe6550d),
        new Color(0x7f2704)};

    // Charts are built with an explicit theme: HeatMapChart(int, int) leaves its styler's locale and fonts unset.
    private Charts() {
    }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * ACC per group: bars with error bars (± one standard deviation over the group's seeds).
     *
     * @param groups the groups (one bar each)
     * @return the PNG
     */
    public static byte[] acc(List<RunGroup> groups) {
        return bars("ACC per group (mean ± std over seeds)", "ACC (%)", groups, RunGroup::acc, new Color(0x2b8cbe));
    }

    /**
     * BWT per group: bars with error bars (± one standard deviation over the group's seeds).
     *
     * @param groups the groups (one bar each)
     * @return the PNG
     */
    public static byte[] bwt(List<RunGroup> groups) {
        return bars("BWT per group (mean ± std over seeds; negative = forgetting)", "BWT (points)", groups,
                RunGroup::bwt, new Color(0xe6550d));
    }

    private static byte[] bars(String title, String yTitle, List<RunGroup> groups,
            java.util.function.Function<RunGroup, Stats> metric, Color color) {
        CategoryChart chart = new CategoryChart(BARS_WIDTH, BARS_HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[] {color});
        List<String> labels = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (RunGroup g : groups) {
            Stats s = metric.apply(g);
            labels.add(shorten(g.label(), groups.size()));
            means.add(finite(s.mean() * 100));
            errors.add(finite(s.std() * 100));
        }
        if (groups.size() > 3) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        chart.addSeries(yTitle, labels, means, errors);
        return png(chart);
    }

    /**
     * An accuracy matrix as a heatmap: row i = after training task i, column j = evaluated on task j.
     *
     * @param title  the title
     * @param matrix accuracies (fractions), NaN where not measured
     * @return the PNG
     */
    public static byte[] heatmap(String title, double[][] matrix) {
        HeatMapChart chart = new HeatMapChart(HEATMAP_WIDTH, HEATMAP_HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle("evaluated on task");
        chart.setYAxisTitle("after training task");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setRangeColors(HEAT);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(100);
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        chart.getStyler().setShowValue(cols <= 12);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, cols <= 6 ? 12 : 9));
        chart.getStyler().setHeatMapValueDecimalPattern("0.0");
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int j = 0; j < Math.max(cols, 1); j++) {
            xs.add(j);
        }
        for (int i = Math.max(rows, 1) - 1; i >= 0; i--) {
            ys.add(i); // row 0 (after the first task) on top, as the matrix is written
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (Double.isFinite(matrix[i][j])) {
                    cells.add(new Number[] {j, rows - 1 - i, matrix[i][j] * 100});
                }
            }
        }
        if (cells.isEmpty()) {
            cells.add(new Number[] {0, 0, 0});
        }
        chart.addSeries("accuracy (%)", xs, ys, cells);
        return png(chart);
    }

    /**
     * Each task's accuracy after each training task (from the task's own training on).
     *
     * @param title  the title
     * @param matrix accuracies (fractions), NaN where not measured
     * @return the PNG
     */
    public static byte[] perTask(String title, double[][] matrix) {
        XYChart chart = new XYChart(LINES_WIDTH, LINES_HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle("after training task");
        chart.setYAxisTitle("accuracy (%)");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setYAxisMax(100.0);
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        int series = 0;
        for (int j = 0; j < cols; j++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = j; i < rows; i++) {
                if (Double.isFinite(matrix[i][j])) {
                    x.add((double) i);
                    y.add(matrix[i][j] * 100);
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries("task " + j, x, y);
                s.setMarker(SeriesMarkers.CIRCLE);
                series++;
            }
        }
        if (series == 0) {
            chart.addSeries("no data", new double[] {0}, new double[] {0});
        }
        return png(chart);
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }

    static String shorten(String label, int groups) {
        int max = groups <= 2 ? 44 : groups <= 4 ? 28 : 20;
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }
}
