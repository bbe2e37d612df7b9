package dev.whittle.facts;

/** Dotted version numbers compared number by number ({@code 1.9 < 1.10}). */
public final class Versions {
    private Versions() {}

    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int k = 0; k < Math.max(x.length, y.length); k++) {
            long p = k < x.length ? number(x[k]) : 0;
            long q = k < y.length ? number(y[k]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }

    public static boolean atLeast(String version, String minimum) {
        return compare(version, minimum) >= 0;
    }

    private static long number(String s) {
        String digits = s.replaceAll("\\D.*", "");
        return digits.isEmpty() || digits.length() > 12 ? 0 : Long.parseLong(digits);
    }
}
