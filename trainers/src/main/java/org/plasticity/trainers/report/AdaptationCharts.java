package org.plasticity.trainers.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.Styler;

/** The test-time adaptation plots: error per stream × method as a heatmap, and each method's mean error as bars. */
final class AdaptationCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private AdaptationCharts() {
    }

    /**
     * @param methods row labels (one per method group)
     * @param streams column labels
     * @param errors  {@code [method][stream]} errors as fractions, NaN where a group has no such stream
     */
    static byte[] heatmap(List<String> methods, List<String> streams, double[][] errors) {
        HeatMapChart chart = new HeatMapChart(WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle("Error (%) per shifted stream and method");
        chart.setXAxisTitle("stream");
        chart.setYAxisTitle("method");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setRangeColors(Charts.HEAT);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(100);
        chart.getStyler().setShowValue(streams.size() <= 20);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, streams.size() <= 8 ? 12 : 9));
        chart.getStyler().setHeatMapValueDecimalPattern("0.0");
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> xs = new ArrayList<>();
        for (String s : streams) {
            xs.add(Charts.shorten(s, 5));
        }
        List<String> ys = new ArrayList<>();
        for (int i = methods.size() - 1; i >= 0; i--) {
            ys.add(Charts.shorten(methods.get(i), 3));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            for (int j = 0; j < streams.size(); j++) {
                if (Double.isFinite(errors[i][j])) {
                    cells.add(new Number[] {j, methods.size() - 1 - i, errors[i][j] * 100});
                }
            }
        }
        if (cells.isEmpty()) {
            cells.add(new Number[] {0, 0, 0});
        }
        chart.addSeries("error (%)", xs, ys, cells);
        return Charts.png(chart);
    }

    /** Each method group's mean error over the corruption streams. */
    static byte[] meanErrors(List<String> methods, List<Double> means) {
        CategoryChart chart = new CategoryChart(Charts.BARS_WIDTH, Charts.BARS_HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle("Mean error over the corruptions (lower is better)");
        chart.setYAxisTitle("error (%)");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x756bb1)});
        if (methods.size() > 3) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            labels.add(Charts.shorten(methods.get(i), methods.size()));
            values.add(Double.isFinite(means.get(i)) ? means.get(i) * 100 : 0.0);
        }
        chart.addSeries("mean error", labels, values);
        return Charts.png(chart);
    }
}
