package dev.whittle.verify;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The layer report as text, for a terminal: one table per image, then the waste and the largest files. */
public final class LayerText {
    private LayerText() {}

    /** "1.2 kB", "3.4 MB", "1.02 GB" (decimal units, as the engines print them). */
    public static String human(long bytes) {
        if (bytes < 1000) return bytes + " B";
        if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        if (bytes < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    public static void print(PrintWriter out, LayerReport r) {
        out.printf("layers of the %s: %d (%d from the base image), %s; efficiency %.1f%%, %s wasted%n", r.image(),
                r.layers().size(), r.baseLayers(), human(r.tarBytes()), 100 * r.efficiency(), human(r.wastedBytes()));
        out.printf("  %3s %10s %8s %10s  %s%n", "#", "size", "files", "wasted", "made by");
        for (LayerReport.Row row : r.layers()) {
            out.printf("  %3d %10s %8d %10s  %s%n", row.index() + 1, human(row.tarBytes()), row.files(),
                    row.wastedBytes() == 0 ? "-" : human(row.wastedBytes()), cut(row.label(), 90));
        }
        if (!r.waste().isEmpty()) {
            out.println("  wasted: stored by one layer, deleted or overwritten by a later one");
            for (LayerReport.Waste w : r.waste().subList(0, Math.min(8, r.waste().size()))) {
                out.printf("  %10s  %s%n", human(w.bytes()), cut(w.addedInstruction(), 90));
                out.printf("  %10s  %s by %s (%d %s: %s)%n", "", w.deleted() ? "deleted" : "overwritten",
                        cut(w.removedInstruction(), 60), w.files(), w.files() == 1 ? "file" : "files", String.join(", ", w.examples().subList(0, Math.min(3, w.examples().size()))));
                out.printf("  %10s  %s%n", "", w.advice());
            }
        }
        sized(out, "largest files", r.largestFiles());
        sized(out, "largest folders", r.largestFolders());
    }

    private static void sized(PrintWriter out, String title, List<LayerReport.Sized> list) {
        if (list.isEmpty()) return;
        out.println("  " + title + ":");
        for (LayerReport.Sized s : list) out.printf("  %10s  %s%n", human(s.bytes()), s.path());
    }

    public static void print(PrintWriter out, ContentCheck.Report c) {
        if (c.missingFiles() == 0) {
            out.printf("contents: the rewrite has every file of the original outside its base image and build-only paths"
                    + " (%d build-only files, %s, left out)%n", c.buildOnly(), human(c.buildOnlyBytes()));
        } else {
            out.printf("contents: the rewrite lacks %d files (%s) of the original outside its base image and build-only paths"
                    + " (and %d build-only files, %s, left out on purpose):%n", c.missingFiles(), human(c.missingBytes()),
                    c.buildOnly(), human(c.buildOnlyBytes()));
            for (ContentCheck.Missing m : c.missing().subList(0, Math.min(15, c.missing().size()))) {
                out.printf("  %10s  %s  (%s)%n", human(m.bytes()), m.path(), cut(m.instruction(), 70));
            }
            if (c.missingFiles() > 15) out.printf("  ... and %d more (--format json lists up to 200)%n", c.missingFiles() - 15);
        }
        for (ContentCheck.Needed n : c.needed()) out.printf("  NEEDED: %s: %s%n", n.path(), n.why());
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
