package dev.whittle.edit;

import dev.whittle.shell.Script;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is remembered about one file while its passes run: every pass asks for the same RUN bodies, and parsing
 * them is the cost. The optimizer opens a session for each file and closes it when the file is done
 * (try-with-resources), so nothing outlives the file and nothing has to be cleared by hand; a session opened inside
 * another (a file optimized while another one is) hides the outer one until it closes. Code that runs a pass outside
 * a session (a test of one pass) gets the same answers, parsed each time.
 */
public final class FileSession implements AutoCloseable {
    private static final ThreadLocal<FileSession> CURRENT = new ThreadLocal<>();
    /** Parsed bodies are bounded by the text they hold: a file of 8,000 RUNs must not fill the heap. */
    private static final int MAX_CACHED_CHARS = 4 << 20;

    private final FileSession outer;
    private final Map<String, Script> parsed = new HashMap<>();
    private int parsedChars;
    /** Bodies found within the shell limits (by identity): parsing them does not check them again. */
    private final Set<String> withinLimits = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Which of RunScript's vocabulary words each RUN text contains, as bits. */
    private final Map<String, Long> mentioned = new HashMap<>();

    private FileSession(FileSession outer) {
        this.outer = outer;
    }

    /** Opens the session of one file on this thread. */
    public static FileSession open() {
        FileSession s = new FileSession(CURRENT.get());
        CURRENT.set(s);
        return s;
    }

    /** The session of the file being optimized on this thread, or null. */
    static FileSession current() {
        return CURRENT.get();
    }

    Script parsed(String body) {
        return parsed.get(body);
    }

    void remember(String body, Script script) {
        if (parsedChars > MAX_CACHED_CHARS) {
            parsed.clear();
            parsedChars = 0;
        }
        parsed.put(body, script);
        parsedChars += body.length();
    }

    boolean withinLimits(String body) {
        return withinLimits.contains(body);
    }

    void markWithinLimits(String body) {
        withinLimits.add(body);
    }

    Map<String, Long> mentioned() {
        return mentioned;
    }

    @Override
    public void close() {
        if (outer == null) CURRENT.remove();
        else CURRENT.set(outer);
    }
}
