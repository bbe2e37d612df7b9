package dev.whittle.tree;

import java.util.Locale;

/** The instruction keywords BuildKit dispatches on; anything else is {@link #UNKNOWN}. */
public enum Keyword {
    ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL,
    STOPSIGNAL, USER, VOLUME, WORKDIR, UNKNOWN;

    /** The keyword for a word as written (any case); UNKNOWN when BuildKit has no such instruction. */
    public static Keyword of(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        for (Keyword k : values()) {
            if (k != UNKNOWN && k.name().equals(upper)) return k;
        }
        return UNKNOWN;
    }

    /** RUN, COPY and ADD read heredoc bodies (ONBUILD through the instruction it wraps). */
    public boolean takesHeredocs() {
        return this == RUN || this == COPY || this == ADD;
    }
}
