package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.xml.namespace.QName;

import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.runtime.SigningKeys;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.tooling.FormatCheck;
import org.wcoecom.adapter.tooling.FormatScaffold;
import org.wcoecom.adapter.xml.SchemaCatalog;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code format new} and {@code format check}: adding a partner format without Java or Maven. */
@Command(name = "format", description = "Add a partner format (format new) and check one (format check).",
        subcommands = {FormatCommand.New.class, FormatCommand.Check.class})
final class FormatCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "new", description = {
            "Write mappings/ID/: format.yaml, to-canonical.xsl and from-canonical.xsl with the conventions filled in",
            "and placeholders marked TODO, an example message (--example, or one made from the schema) with its golden",
            "canonical file, and a negative example; a schema outside xsd/ is named through the schema catalog, not copied.",
            "The new format passes `format check ID` at once. Exit 0: written; 2: nothing written (the reason is printed)."})
    static final class New implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID", description = "The format id: lower-case letters, digits and '-' (the folder mappings/ID).")
        String id;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "What its messages hold: order, payment, waybill or status (mappings/canonical/kinds.yaml).")
        String kind;

        @Option(names = "--root", required = true, paramLabel = "QNAME",
                description = "Its root element, {namespace}name (or name without a namespace).")
        String root;

        @Option(names = "--schema", required = true, paramLabel = "PATH", description = "Its XSD, under xsd/ or anywhere else.")
        Path schema;

        @Option(names = "--example", paramLabel = "FILE", description = "A message to start from (default: one made from the schema).")
        Path example;

        @Option(names = "--receipt-format", paramLabel = "FORMAT",
                description = "How its senders are answered (default: the receiptFormat of their partner entry).")
        String receiptFormat;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = common.settings(Map.of());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            QName rootName;
            try {
                rootName = QName.valueOf(root.trim());
            } catch (IllegalArgumentException e) {
                err.println("ERROR --root '" + root + "' is not of the form {namespace}name");
                err.flush();
                return 2;
            }
            List<String> kinds = FormatScaffold.kindsWithSkeleton(settings.home());
            if (!kinds.contains(kind)) {
                err.println("ERROR --kind " + kind + ": a skeleton exists for " + String.join(", ", kinds));
                err.flush();
                return 2;
            }
            Path catalogFile = settings.home().resolve(settings.optional("adapter.schemas.catalog").orElse(FormatRegistry.DEFAULT_CATALOG)
                    .split(",")[0].trim());
            FormatScaffold.Written written;
            try {
                written = new FormatScaffold(settings.home(), SchemaCatalog.configured(settings), catalogFile).write(
                        new FormatScaffold.Request(id, kind, rootName, schema, Optional.ofNullable(example), Optional.ofNullable(receiptFormat)),
                        registry -> translator(registry, settings));
            } catch (RuntimeException e) {
                err.println("ERROR " + e.getMessage());
                err.flush();
                return 2;
            }
            out.println("wrote " + settings.home().relativize(written.folder()) + "/:");
            written.files().forEach(f -> out.println("  " + written.folder().relativize(f)));
            written.notes().forEach(n -> out.println(n));
            out.println();
            out.println("Next:");
            out.println("  1. replace the TODO placeholders in " + written.folder().getFileName() + "/to-canonical.xsl by mappings from the message,"
                    + " and check records.key in format.yaml;");
            out.println("  2. java -jar target/wco-ecom-adapter.jar format check " + id + "   (--update rewrites the golden files after review);");
            out.println("  3. let a partner send it: add " + id + " to its formats in the partners file, e.g.");
            out.println("       - id: <partner>");
            out.println("         role: <platform|payment|logistics|declarant|bank>");
            out.println("         senderCodes: [\"<its codes>\"]");
            out.println("         formats: [" + id + "]");
            out.println("     (the running adapter reads the partners file again by itself; a new format needs a restart);");
            out.println("  4. docs/onboarding.md has the whole checklist.");
            out.flush();
            return 0;
        }
    }

    @Command(name = "check", description = {
            "Check one format, compiling only it (and the canonical model and the format its records are forwarded in):",
            "its golden pairs in each direction with the differences, negative examples (examples/invalid/NAME.xml with",
            "NAME.expected), that format.yaml's records.key and the stylesheet's record ids agree, and that each canonical",
            "document has what its kind needs downstream (mappings/canonical/kinds.yaml) and can be forwarded.",
            "Exit 0: all passed (warnings aside); 1: something failed; 2: no such format or it cannot be loaded."})
    static final class Check implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID", description = "The format id (see `formats`).")
        String id;

        @Option(names = "--update", description = "Rewrite golden canonical files and .expected files from what the format now does (after a reviewed change).")
        boolean update;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = common.settings(Map.of());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FormatRegistry registry = FormatRegistry.configured(settings);
            Optional<FormatRegistry.Problem> problem = registry.problems().stream().filter(p -> p.format().equals(id)).findFirst();
            if (problem.isPresent()) {
                err.println("FAILED " + problem.get().describe());
                err.flush();
                return 1;
            }
            Optional<Format> format = registry.byId(id);
            if (format.isEmpty()) {
                err.println("ERROR no format " + id + "; known: " + String.join(", ", registry.all().stream().map(Format::id).toList()));
                err.flush();
                return 2;
            }
            FormatCheck check = new FormatCheck(registry, translator(registry, settings), egressParameters(settings),
                    key -> settings.optional(key).isPresent(), partners(settings));
            List<FormatCheck.Result> results = check.check(format.get(), update);
            int failed = 0;
            for (FormatCheck.Result r : results) {
                out.println(label(r.outcome()) + " " + r.name());
                r.details().forEach(d -> out.println("    " + d));
                failed += r.failed() ? 1 : 0;
            }
            long passed = results.stream().filter(r -> r.outcome() == FormatCheck.Outcome.PASSED).count();
            out.println(id + ": " + passed + " passed, " + failed + " failed"
                    + count(results, FormatCheck.Outcome.UPDATED, " updated") + count(results, FormatCheck.Outcome.WARNING, " warning(s)"));
            out.flush();
            return failed == 0 ? 0 : 1;
        }

        private static String label(FormatCheck.Outcome o) {
            return switch (o) {
                case PASSED -> "ok     ";
                case FAILED -> "FAILED ";
                case UPDATED -> "updated";
                case WARNING -> "warning";
            };
        }

        private static String count(List<FormatCheck.Result> results, FormatCheck.Outcome o, String what) {
            long n = results.stream().filter(r -> r.outcome() == o).count();
            return n == 0 ? "" : ", " + n + what;
        }
    }

    static Translator translator(FormatRegistry registry, Settings settings) {
        return new Translator(registry, ValidateCommand.MAX_ERRORS, () -> SigningKeys.forCommand(settings));
    }

    /** The egress route's stylesheet parameters: the sender put in BaseTransfer (adapter.egress.ceb.*). */
    static Map<String, String> egressParameters(Settings settings) {
        Map<String, String> p = new LinkedHashMap<>();
        settings.optional("adapter.egress.ceb.cop-code").ifPresent(v -> p.put("transfer-cop-code", v));
        settings.optional("adapter.egress.ceb.cop-name").ifPresent(v -> p.put("transfer-cop-name", v));
        settings.optional("adapter.egress.ceb.dxp-id").ifPresent(v -> p.put("transfer-dxp-id", v));
        return p;
    }

    /** The partners file, for negative examples that name their partner; none when it cannot be read. */
    private static Optional<PartnerDirectory> partners(Settings settings) {
        try {
            return Optional.of(org.wcoecom.adapter.runtime.PartnersFile.read(settings));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
