package dev.whittle.cli;

import dev.whittle.config.Settings;
import dev.whittle.pass.Pass;
import dev.whittle.engine.Passes;
import dev.whittle.report.CheckstyleReport;
import dev.whittle.report.CodeClimateReport;
import dev.whittle.report.GithubReport;
import dev.whittle.report.JsonReport;
import dev.whittle.report.JunitReport;
import dev.whittle.report.MachineReport;
import dev.whittle.report.SarifReport;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.Locale;

/** The --format of optimize, check and batch. */
enum ReportFormat {
    TEXT, JSON, SARIF, CHECKSTYLE, CODECLIMATE, GITHUB, JUNIT;

    /** The list the --help texts give. */
    static final String NAMES = "text, json, sarif, checkstyle, codeclimate, github or junit";

    static final class Converter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            for (ReportFormat f : values()) if (f.name().equalsIgnoreCase(value)) return f;
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use " + NAMES);
        }
    }

    boolean machine() {
        return this != TEXT;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The report, written to {@code out} as results come; null for text. */
    MachineReport open(PrintWriter out, String level, Settings settings) {
        return switch (this) {
            case JSON -> new JsonReport(out, Whittle.Version.number(), level);
            case SARIF -> new SarifReport(out, Whittle.Version.number(), Passes.ALL.stream().map(Pass::info).toList(),
                    settings::userRuleInfo);
            case CHECKSTYLE -> new CheckstyleReport(out);
            case CODECLIMATE -> new CodeClimateReport(out);
            case GITHUB -> new GithubReport(out);
            case JUNIT -> new JunitReport(out, System.getenv("HOSTNAME"), LocalDateTime.now());
            case TEXT -> null;
        };
    }
}
