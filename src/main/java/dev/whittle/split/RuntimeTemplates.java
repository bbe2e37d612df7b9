package dev.whittle.split;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupString;
import org.stringtemplate.v4.misc.STMessage;

/**
 * The runtime-stage templates (templates/runtime/LANGUAGE.stg, StringTemplate 4), each defining
 * {@code runtime(s)}; templates/runtime/common.stg holds the parts they share.
 */
public final class RuntimeTemplates {
    private final Function<String, String> files;
    private final Map<String, STGroup> groups = new HashMap<>();

    RuntimeTemplates(Function<String, String> files) {
        this.files = files;
    }

    /**
     * Renders the runtime stage for a language.
     *
     * @param language go, python, node, java, rust or c
     * @param model    the values the template reads as {@code s.NAME}
     * @throws IllegalArgumentException when the template is missing or broken
     */
    public String render(String language, Map<String, Object> model) {
        ST st = group(language).getInstanceOf("runtime");
        if (st == null) throw new IllegalArgumentException("templates/runtime/" + language + ".stg: no runtime(s) template");
        st.add("s", model);
        Errors errors = new Errors();
        java.io.StringWriter out = new java.io.StringWriter();
        st.write(new org.stringtemplate.v4.AutoIndentWriter(out, "\n"), errors);
        if (errors.first != null) throw new IllegalArgumentException("templates/runtime/" + language + ".stg: " + errors.first);
        return out.toString();
    }

    private synchronized STGroup group(String language) {
        return groups.computeIfAbsent(language, l -> {
            Errors errors = new Errors();
            STGroup common = load("runtime/common.stg", errors);
            STGroup g = load("runtime/" + l + ".stg", errors);
            g.importTemplates(common);
            if (errors.first != null) throw new IllegalArgumentException(errors.first);
            return g;
        });
    }

    private STGroup load(String name, Errors errors) {
        STGroupString g = new STGroupString("templates/" + name, files.apply(name), '<', '>');
        g.setListener(errors);
        g.load();
        return g;
    }

    /** Keeps the first template error instead of printing it. */
    private static final class Errors implements STErrorListener {
        String first;

        private void keep(STMessage m) {
            if (first == null) first = m.toString();
        }

        @Override public void compileTimeError(STMessage m) { keep(m); }
        @Override public void runTimeError(STMessage m) { keep(m); }
        @Override public void IOError(STMessage m) { keep(m); }
        @Override public void internalError(STMessage m) { keep(m); }
    }
}
