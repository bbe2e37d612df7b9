package dev.whittle.batch;

import dev.whittle.core.Change;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts over a batch: files, changes per pass, lines, and the estimated size saved. */
public final class Summary {

    private int seen;
    private int changed;
    private int refused;
    private int internal;
    private int linesAdded;
    private int linesRemoved;
    private long savedMb;
    private final Map<String, int[]> perPass = new TreeMap<>();

    public void add(FileResult r) {
        seen++;
        if (r.error() != null) {
            if (r.internal()) internal++;
            else refused++;
            return;
        }
        if (r.changed()) {
            changed++;
            for (String line : r.diff().split("\n")) {
                if (line.startsWith("+") && !line.startsWith("+++")) linesAdded++;
                else if (line.startsWith("-") && !line.startsWith("---")) linesRemoved++;
            }
        }
        for (Change c : r.changes()) {
            int[] counts = perPass.computeIfAbsent(c.passId(), k -> new int[2]);
            counts[c.applied() ? 0 : 1]++;
            if (c.applied()) savedMb += savedMb(c.estimate());
        }
    }

    private static final Pattern SAVING = Pattern.compile("-(\\d+)\\s*(?:to\\s*-?\\d+\\s*)?MB");

    /** The size an estimate says is saved, in MB; the lower bound of a range; 0 when there is none. */
    static long savedMb(String estimate) {
        if (estimate == null) return 0;
        Matcher m = SAVING.matcher(estimate);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    public int seen() {
        return seen;
    }

    public int changed() {
        return changed;
    }

    public int refused() {
        return refused;
    }

    public int internal() {
        return internal;
    }

    public long savedMb() {
        return savedMb;
    }

    /** The table printed at the end of a batch. */
    public String table(String elapsed) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %9s%n", "files seen", fmt(seen)));
        sb.append(String.format("%-28s %9s%n", "changed", fmt(changed)));
        sb.append(String.format("%-28s %9s%n", "unchanged", fmt(seen - changed - refused - internal)));
        sb.append(String.format("%-28s %9s%n", "refused (bad input)", fmt(refused)));
        if (internal > 0) sb.append(String.format("%-28s %9s%n", "internal errors", fmt(internal)));
        sb.append(String.format("%-28s %9s%n", "lines added / removed", fmt(linesAdded) + " / " + fmt(linesRemoved)));
        sb.append(String.format("%-28s %9s%n", "estimated size saved", size(savedMb)));
        if (elapsed != null) sb.append(String.format("%-28s %9s%n", "time", elapsed));
        if (!perPass.isEmpty()) {
            sb.append(String.format("%n%-28s %9s %9s%n", "pass", "rewrites", "findings"));
            for (Map.Entry<String, int[]> e : perPass.entrySet()) {
                sb.append(String.format("%-28s %9s %9s%n", e.getKey(), fmt(e.getValue()[0]), fmt(e.getValue()[1])));
            }
        }
        return sb.toString();
    }

    /** Sum of the estimated savings over the files, MB or GB. */
    static String size(long mb) {
        return mb >= 10_000 ? fmt(mb / 1024) + " GB" : fmt(mb) + " MB";
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }
}
