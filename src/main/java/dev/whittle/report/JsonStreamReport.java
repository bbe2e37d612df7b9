package dev.whittle.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** A machine report that is one JSON document, written with Jackson's streaming generator. */
public abstract class JsonStreamReport extends MachineReport {

    static final ObjectMapper MAPPER = new ObjectMapper();

    protected final JsonGenerator gen;

    protected JsonStreamReport(Writer out) {
        try {
            gen = new JsonFactory(MAPPER).createGenerator(out).useDefaultPrettyPrinter();
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void flush() throws IOException {
        gen.writeRaw('\n');
        gen.flush();
    }
}
