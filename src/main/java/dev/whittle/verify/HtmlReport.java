package dev.whittle.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The layer report as one self-contained HTML page (no script, no file or address outside it): the sizes of
 * the images as two bars on one scale, every layer as a bar beside the instruction that made it, the wasted
 * bytes, the largest files and folders, and the content comparison. The charts are inline SVG.
 */
public final class HtmlReport {
    /** The original's colour, and a lighter one for its base image's layers. */
    static final String BEFORE = "#1f77b4";
    static final String BEFORE_BASE = "#aec7e8";
    /** The rewrite's colours. */
    static final String AFTER = "#ff7f0e";
    static final String AFTER_BASE = "#ffbb78";
    private static final int WIDTH = 640;

    private HtmlReport() {}

    /**
     * @param title    what the page is about (the Dockerfile or image)
     * @param after    null for a single image (inspect)
     * @param contents null when not compared
     * @param verdict  the verification's outcome line, or null
     */
    public static String page(String title, LayerReport before, LayerReport after, ContentCheck.Report contents, String verdict,
                              List<Suggestions.Suggestion> suggestions) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>whittle: ").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}")
                .append("h1{font-size:20px}h2{font-size:16px;margin-top:28px}")
                .append("table{border-collapse:collapse;margin:8px 0}td,th{padding:2px 8px;text-align:left;vertical-align:top}")
                .append("th{border-bottom:1px solid #ccc}td.n{text-align:right;white-space:nowrap}code{font-size:12px}")
                .append(".needed{color:#b00020;font-weight:bold}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}")
                .append("\n</style></head><body>\n");
        h.append("<h1>whittle: ").append(esc(title)).append("</h1>\n");
        if (verdict != null) h.append("<p><b>").append(esc(verdict)).append("</b></p>\n");
        h.append("<h2>Image size</h2>\n").append(totals(before, after));
        h.append("<p class=\"legend\"><span style=\"background:").append(BEFORE).append("\"></span>").append(esc(before.image()));
        if (after != null) h.append("<span style=\"background:").append(AFTER).append("\"></span>").append(esc(after.image()));
        h.append("<span style=\"background:").append(BEFORE_BASE).append("\"></span>");
        if (after != null) h.append("<span style=\"background:").append(AFTER_BASE).append("\"></span>");
        h.append("base image layers</p>\n");
        h.append("<h2>Layers</h2>\n").append(layerChart(before, after));
        table(h, before, BEFORE, BEFORE_BASE);
        if (after != null) table(h, after, AFTER, AFTER_BASE);
        if (suggestions != null && !suggestions.isEmpty()) {
            h.append("<h2>Suggestions</h2>\n<table><tr><th>bytes</th><th>instruction</th><th>what to do</th></tr>\n");
            for (Suggestions.Suggestion s : suggestions) {
                h.append("<tr><td class=\"n\">").append(LayerText.human(s.bytes())).append("</td><td><code>").append(esc(s.instruction()))
                        .append("</code></td><td>").append(esc(s.advice())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (contents != null) {
            h.append("<h2>Files the rewrite lacks</h2>\n<p>").append(contents.missingFiles()).append(" files (")
                    .append(LayerText.human(contents.missingBytes())).append(") outside the base image and build-only paths; ")
                    .append(contents.buildOnly()).append(" build-only files (").append(LayerText.human(contents.buildOnlyBytes()))
                    .append(") left out on purpose.</p>\n");
            for (ContentCheck.Needed n : contents.needed()) {
                h.append("<p class=\"needed\">needed: <code>").append(esc(n.path())).append("</code>: ").append(esc(n.why())).append("</p>\n");
            }
            if (!contents.missing().isEmpty()) {
                h.append("<table><tr><th>size</th><th>file</th><th>made by</th></tr>\n");
                for (ContentCheck.Missing m : contents.missing().subList(0, Math.min(50, contents.missing().size()))) {
                    h.append("<tr><td class=\"n\">").append(LayerText.human(m.bytes())).append("</td><td><code>").append(esc(m.path()))
                            .append("</code></td><td><code>").append(esc(m.instruction())).append("</code></td></tr>\n");
                }
                h.append("</table>\n");
            }
        }
        h.append("<p style=\"color:#777\">Sizes are the layers' uncompressed tars, as the engine counts them; efficiency is the share of "
                + "stored file bytes that the final file system shows.</p>\n</body></html>\n");
        return h.toString();
    }

    /** Two bars on one scale: the images' total sizes. */
    private static String totals(LayerReport before, LayerReport after) {
        long max = Math.max(before.tarBytes(), after == null ? 0 : after.tarBytes());
        StringBuilder s = new StringBuilder();
        int rows = after == null ? 1 : 2;
        s.append("<svg id=\"totals\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH + 260).append("\" height=\"")
                .append(rows * 40 + 10).append("\" role=\"img\" aria-label=\"image sizes\">\n");
        bar(s, 0, before.image(), before.tarBytes(), max, BEFORE, "total-before");
        if (after != null) bar(s, 1, after.image(), after.tarBytes(), max, AFTER, "total-after");
        s.append("</svg>\n");
        return s.toString();
    }

    private static void bar(StringBuilder s, int row, String name, long bytes, long max, String color, String id) {
        int w = max == 0 ? 0 : (int) Math.max(1, Math.round((double) bytes / max * WIDTH));
        int y = 10 + row * 40;
        s.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"13\">").append(esc(name)).append("</text>\n");
        s.append("<rect id=\"").append(id).append("\" x=\"100\" y=\"").append(y).append("\" width=\"").append(w)
                .append("\" height=\"26\" fill=\"").append(color).append("\"/>\n");
        s.append("<text x=\"").append(100 + w + 6).append("\" y=\"").append(y + 18).append("\" font-size=\"13\">")
                .append(LayerText.human(bytes)).append("</text>\n");
    }

    /** Every layer of both images as a bar, on one scale. */
    private static String layerChart(LayerReport before, LayerReport after) {
        List<Object[]> bars = new ArrayList<>();
        for (LayerReport.Row r : before.layers()) bars.add(new Object[] {before.image(), r, r.base() ? BEFORE_BASE : BEFORE});
        if (after != null) for (LayerReport.Row r : after.layers()) bars.add(new Object[] {after.image(), r, r.base() ? AFTER_BASE : AFTER});
        long max = 1;
        for (Object[] b : bars) max = Math.max(max, ((LayerReport.Row) b[1]).tarBytes());
        StringBuilder s = new StringBuilder();
        s.append("<svg id=\"layers\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH + 260).append("\" height=\"")
                .append(bars.size() * 22 + 10).append("\" role=\"img\" aria-label=\"layer sizes\">\n");
        for (int i = 0; i < bars.size(); i++) {
            LayerReport.Row r = (LayerReport.Row) bars.get(i)[1];
            int w = (int) Math.max(1, Math.round((double) r.tarBytes() / max * WIDTH));
            int y = 5 + i * 22;
            s.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(esc((String) bars.get(i)[0]))
                    .append(" #").append(r.index() + 1).append("</text>\n");
            s.append("<rect class=\"layer\" x=\"100\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"18\" fill=\"")
                    .append(bars.get(i)[2]).append("\"><title>").append(esc(r.label())).append("</title></rect>\n");
            s.append("<text x=\"").append(100 + w + 6).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(LayerText.human(r.tarBytes())).append("</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void table(StringBuilder h, LayerReport r, String color, String base) {
        h.append("<h2 style=\"border-left:6px solid ").append(color).append(";padding-left:6px\">").append(esc(r.image()))
                .append(String.format(Locale.ROOT, ": %d layers, %s, efficiency %.1f%%, %s wasted", r.layers().size(),
                        LayerText.human(r.tarBytes()), 100 * r.efficiency(), LayerText.human(r.wastedBytes())))
                .append("</h2>\n<table><tr><th>#</th><th>size</th><th>files</th><th>wasted</th><th>made by</th></tr>\n");
        for (LayerReport.Row row : r.layers()) {
            h.append("<tr style=\"background:").append(row.base() ? "#f4f4f4" : "#fff").append("\"><td class=\"n\">").append(row.index() + 1)
                    .append("</td><td class=\"n\">").append(LayerText.human(row.tarBytes())).append("</td><td class=\"n\">").append(row.files())
                    .append("</td><td class=\"n\">").append(row.wastedBytes() == 0 ? "" : LayerText.human(row.wastedBytes()))
                    .append("</td><td><code>").append(esc(row.label())).append("</code></td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.waste().isEmpty()) {
            h.append("<table><tr><th>wasted</th><th>stored by</th><th>hidden by</th><th>files</th><th>what would avoid it</th></tr>\n");
            for (LayerReport.Waste w : r.waste()) {
                h.append("<tr><td class=\"n\">").append(LayerText.human(w.bytes())).append("</td><td><code>").append(esc(w.addedInstruction()))
                        .append("</code></td><td><code>").append(esc(w.removedInstruction())).append("</code> (")
                        .append(w.deleted() ? "deleted" : "overwritten").append(")</td><td>").append(w.files()).append(": <code>")
                        .append(esc(String.join(", ", w.examples()))).append("</code></td><td>").append(esc(w.advice())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<table><tr><th>largest files</th><th></th><th>largest folders</th><th></th></tr>\n");
        for (int i = 0; i < Math.max(r.largestFiles().size(), r.largestFolders().size()); i++) {
            h.append("<tr>");
            cell(h, i < r.largestFiles().size() ? r.largestFiles().get(i) : null);
            cell(h, i < r.largestFolders().size() ? r.largestFolders().get(i) : null);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, LayerReport.Sized s) {
        if (s == null) {
            h.append("<td></td><td></td>");
        } else {
            h.append("<td><code>").append(esc(s.path())).append("</code></td><td class=\"n\">").append(LayerText.human(s.bytes())).append("</td>");
        }
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        out.append('\uFFFD'); // a byte that was not UTF-8 in the file
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
