package dev.whittle.facts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines of a generated table kept as one byte array in byte order, looked up by binary search: a release's
 * hundred thousand package names cost their own bytes and an offset each, where a hash set of strings costs about
 * five times that (the nine releases of templates/distro/ would hold about 150 MB of a batch's heap, and the
 * garbage collector would walk them over and over). A line is a key, or a key, a tab and a value.
 */
final class SortedLines {
    private final byte[] bytes;
    private final int[] starts; // start of each line, in key order
    private final int[] ends;

    private SortedLines(byte[] bytes, int[] starts, int[] ends) {
        this.bytes = bytes;
        this.starts = starts;
        this.ends = ends;
    }

    /** The non-empty lines of {@code text} (sorted here; the generator's order is not relied on). */
    static SortedLines of(List<String> lines) {
        List<byte[]> encoded = new ArrayList<>(lines.size());
        int size = 0;
        for (String line : lines) {
            if (line.isEmpty()) continue;
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            encoded.add(b);
            size += b.length;
        }
        encoded.sort(SortedLines::compareKeys);
        byte[] bytes = new byte[size];
        int[] starts = new int[encoded.size()];
        int[] ends = new int[encoded.size()];
        int at = 0;
        for (int i = 0; i < encoded.size(); i++) {
            byte[] b = encoded.get(i);
            System.arraycopy(b, 0, bytes, at, b.length);
            starts[i] = at;
            at += b.length;
            ends[i] = at;
        }
        return new SortedLines(bytes, starts, ends);
    }

    int size() {
        return starts.length;
    }

    /** Whether a line has this key. */
    boolean contains(String key) {
        return find(key) >= 0;
    }

    /** The value after the key's tab ("" for a line that is the key alone), or null when no line has the key. */
    String value(String key) {
        int i = find(key);
        if (i < 0) return null;
        int from = starts[i] + key.getBytes(StandardCharsets.UTF_8).length;
        if (from < ends[i]) from++; // the tab
        return new String(bytes, from, ends[i] - from, StandardCharsets.UTF_8);
    }

    private int find(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareKey(mid, k);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /** The line's key (up to its tab) against {@code k}, in unsigned byte order. */
    private int compareKey(int line, byte[] k) {
        int end = keyEnd(bytes, starts[line], ends[line]);
        return Arrays.compareUnsigned(bytes, starts[line], end, k, 0, k.length);
    }

    private static int compareKeys(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, 0, keyEnd(a, 0, a.length), b, 0, keyEnd(b, 0, b.length));
    }

    private static int keyEnd(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == '\t') return i;
        return to;
    }
}
