package dev.whittle.cli;

import dev.whittle.pass.Pass;
import dev.whittle.engine.Passes;
import dev.whittle.report.JsonReport;
import dev.whittle.report.MachineReport;
import dev.whittle.report.SarifReport;
import java.io.PrintWriter;

/** The --format of optimize, check and batch. */
enum ReportFormat {
    TEXT, JSON, SARIF;

    static final class Converter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            for (ReportFormat f : values()) if (f.name().equalsIgnoreCase(value)) return f;
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a format; use text, json or sarif");
        }
    }

    boolean machine() {
        return this != TEXT;
    }

    /** The report, written to {@code out} as results come; null for text. */
    MachineReport open(PrintWriter out, String level) {
        return switch (this) {
            case JSON -> new JsonReport(out, Whittle.Version.number(), level);
            case SARIF -> new SarifReport(out, Whittle.Version.number(), Passes.ALL.stream().map(Pass::info).toList());
            case TEXT -> null;
        };
    }
}
