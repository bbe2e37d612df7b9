package dev.whittle.split;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.stringtemplate.v4.ModelAdaptor;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupString;
import org.stringtemplate.v4.misc.STMessage;
import org.stringtemplate.v4.misc.STNoSuchPropertyException;

/**
 * The runtime-stage templates (templates/runtime/LANGUAGE.stg, StringTemplate 4), each defining
 * {@code runtime(s)}; templates/runtime/common.stg holds the parts they share.
 *
 * <p>A template reaches only what it is given: the model {@code s} (strings, booleans, and lists and maps of
 * them), the templates of its own file and common.stg, and StringTemplate's functions (first, rest, length,
 * strip ...). Properties of anything but a map of the model are refused ({@code s.image.class} is no Java
 * getter), and so is {@code import} (a template cannot read other files).
 */
public final class RuntimeTemplates {
    private final Function<String, String> files;
    private final Function<String, String> where;
    private final Map<String, STGroup> groups = new HashMap<>();

    /**
     * @param files the text of a template file by name ("runtime/go.stg")
     * @param where the path to name in messages for that file
     */
    RuntimeTemplates(Function<String, String> files, Function<String, String> where) {
        this.files = files;
        this.where = where;
    }

    /** Nothing but maps of the model has properties a template can read. */
    private static final ModelAdaptor<Object> NO_PROPERTIES = (interp, self, model, property, name) -> {
        throw new STNoSuchPropertyException(null, model, name);
    };

    /** A group that refuses {@code import} statements (they would read other files). */
    private static final class NoImports extends STGroupString {
        private final Errors errors;
        private final String source;

        NoImports(String source, String text, Errors errors) {
            super(source, text, '<', '>');
            this.errors = errors;
            this.source = source;
            registerModelAdaptor(Object.class, NO_PROPERTIES);
        }

        @Override
        public void importTemplates(org.antlr.runtime.Token file) {
            errors.keep(source + ":" + file.getLine() + ":" + (file.getCharPositionInLine() + 1)
                    + ": import " + file.getText() + " is not allowed: a template sees only the model whittle gives it");
        }
    }

    /**
     * Compiles a language's template (and common.stg) now, so a broken or importing file is reported when the
     * folder is read rather than when a Dockerfile needs it.
     *
     * @throws TemplateException naming the file and the place
     */
    void check(String language) {
        group(language);
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
        String name = "runtime/" + language + ".stg";
        if (st == null) throw new TemplateException(where.apply(name) + ": no runtime(s) template");
        st.add("s", model);
        Errors errors = new Errors();
        java.io.StringWriter out = new java.io.StringWriter();
        st.write(new org.stringtemplate.v4.AutoIndentWriter(out, "\n"), errors);
        if (errors.first != null) throw new TemplateException(where.apply(name) + ": " + errors.first);
        return out.toString();
    }

    private synchronized STGroup group(String language) {
        return groups.computeIfAbsent(language, l -> {
            Errors errors = new Errors();
            STGroup common = load("runtime/common.stg", errors);
            STGroup g = load("runtime/" + l + ".stg", errors);
            g.importTemplates(common);
            if (errors.first != null) throw new TemplateException(errors.first);
            return g;
        });
    }

    private STGroup load(String name, Errors errors) {
        STGroupString g = new NoImports(where.apply(name), files.apply(name), errors);
        g.setListener(errors);
        g.load();
        return g;
    }

    /** Keeps the first template error instead of printing it. */
    private static final class Errors implements STErrorListener {
        String first;

        private void keep(STMessage m) {
            keep(m.toString());
        }

        void keep(String message) {
            if (first == null) first = message;
        }

        @Override public void compileTimeError(STMessage m) { keep(m); }
        @Override public void runTimeError(STMessage m) { keep(m); }
        @Override public void IOError(STMessage m) { keep(m); }
        @Override public void internalError(STMessage m) { keep(m); }
    }
}
