package org.plasticity.trainers.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * The report as one self-contained HTML page: the tables, and every plot embedded as a {@code data:} PNG, so the
 * file can be mailed or opened anywhere without its folder.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * Writes the page.
     *
     * @param title    the heading
     * @param intro    one paragraph under it (plain text)
     * @param summary  the per-group table
     * @param runs     the per-run table
     * @param failed   the unfinished runs (may have no rows)
     * @param adaptation the test-time adaptation errors per method and stream (may have no rows)
     * @param plots    the plots
     * @return the HTML text
     */
    public static String render(String title, String intro, Table summary, Table runs, Table failed,
            Table adaptation, List<Plot> plots) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:DejaVu Sans,Arial,sans-serif;margin:24px;color:#222;background:#fff}\n")
                .append("h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px}\n")
                .append("table{border-collapse:collapse;margin:8px 0;font-size:13px}\n")
                .append("th,td{border:1px solid #bbb;padding:4px 8px;text-align:left}th{background:#eef}\n")
                .append("figure{display:inline-block;margin:8px 16px 8px 0;vertical-align:top}\n")
                .append("figcaption{font-size:13px;color:#444}img{display:block;border:1px solid #ddd}\n")
                .append(".failed td{background:#fee}\n")
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        sb.append("<p>").append(Html.escape(intro)).append("</p>\n");
        boolean continual = !runs.rows().isEmpty();
        if (continual) {
            sb.append("<h2>Summary</h2>\n").append(summary.html());
            figures(sb, plots, "overview");
        }
        if (!adaptation.rows().isEmpty()) {
            sb.append("<h2>Test-time adaptation (error %)</h2>\n").append(adaptation.html());
            figures(sb, plots, AdaptationReport.SECTION);
        }
        if (!failed.rows().isEmpty()) {
            sb.append("<h2>Runs that did not finish</h2>\n<div class=\"failed\">\n").append(failed.html())
                    .append("</div>\n");
        }
        if (continual) {
            sb.append("<h2>Per group</h2>\n");
            figures(sb, plots, "groups");
            sb.append("<h2>Runs</h2>\n").append(runs.html());
        }
        if (plots.stream().anyMatch(p -> p.section().equals("runs"))) {
            sb.append("<details><summary>Accuracy matrix of every run</summary>\n");
            figures(sb, plots, "runs");
            sb.append("</details>\n");
        }
        sb.append("<p><small>Written by plasticity report at ")
                .append(Html.escape(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .append("</small></p>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void figures(StringBuilder sb, List<Plot> plots, String section) {
        for (Plot p : plots) {
            if (!p.section().equals(section)) {
                continue;
            }
            sb.append("<figure><img alt=\"").append(Html.escape(p.caption())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(p.png())).append("\">")
                    .append("<figcaption>").append(Html.escape(p.caption())).append("</figcaption></figure>\n");
        }
    }
}
