package org.plasticity.trainers.report;

import java.util.List;

/**
 * A table of text cells, written as Markdown or HTML.
 *
 * @param header the column names
 * @param rows   the rows, each as long as the header
 */
public record Table(List<String> header, List<List<String>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The table as GitHub-flavoured Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(line(header)).append('\n');
        sb.append("|").append("---|".repeat(header.size())).append('\n');
        rows.forEach(r -> sb.append(line(r)).append('\n'));
        return sb.toString();
    }

    /** The table as an HTML {@code <table>}, text escaped. */
    public String html() {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        header.forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(Html.escape(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    private static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        cells.forEach(c -> sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |"));
        return sb.toString();
    }
}
