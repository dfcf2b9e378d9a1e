package org.wcoecom.adapter.tooling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.CanonicalKinds;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.security.SenderIdentity;
import org.wcoecom.adapter.xml.XmlError;

/**
 * What {@code format check ID} checks, for one format, compiling only it, the canonical model and
 * the format its records are forwarded in:
 * <ul>
 * <li>its schema and stylesheets compile;</li>
 * <li>each golden pair ({@code examples/NAME.xml} with {@code NAME.canonical.xml}; {@code written/}
 * pairs from canonical only) translates to its golden file in each direction the format has;</li>
 * <li>each record id the stylesheet writes is {@code <partner>:} and the key format.yaml gives the
 * record ({@code records.key}), one canonical document per record;</li>
 * <li>each canonical document has what its kind needs downstream (kinds.yaml) and can be written
 * in the format customs gets it in;</li>
 * <li>each negative example ({@code examples/invalid/NAME.xml}) is refused as
 * {@code NAME.expected} says (code, element path, message fragment).</li>
 * </ul>
 * With {@code update}, golden files and expectations are rewritten from what the format now does
 * (after a reviewed change); what cannot be compared is still reported.
 */
public final class FormatCheck {

    /** The partner id record ids are made with when the key agreement is checked. */
    static final String CHECK_PARTNER = "format-check";
    private static final String CHECK_GUID = "00000000-0000-4000-8000-000000000000";

    public enum Outcome { PASSED, FAILED, UPDATED, WARNING }

    /**
     * One thing checked.
     *
     * @param name    what, e.g. "examples/order-single.xml -> canonical"
     * @param details why it failed (or what was updated, or the warning), one line each
     */
    public record Result(String name, Outcome outcome, List<String> details) {
        public boolean failed() {
            return outcome == Outcome.FAILED;
        }

        static Result passed(String name) {
            return new Result(name, Outcome.PASSED, List.of());
        }

        static Result failed(String name, List<String> details) {
            return new Result(name, Outcome.FAILED, List.copyOf(details));
        }

        static Result failed(String name, String detail) {
            return failed(name, List.of(detail));
        }
    }

    private final FormatRegistry registry;
    private final Translator translator;
    private final MessageReader reader;
    private final Map<String, String> egressParameters;
    private final Predicate<String> isSet;
    private final Optional<PartnerDirectory> partners;

    /**
     * @param egressParameters the stylesheet parameters egress gives (transfer-cop-code, ... from adapter.egress.ceb.*)
     * @param isSet            whether a setting is set (for needs a setting stands in for)
     * @param partners         the partners file, for negative examples that name the partner they come from
     */
    public FormatCheck(FormatRegistry registry, Translator translator, Map<String, String> egressParameters,
                       Predicate<String> isSet, Optional<PartnerDirectory> partners) {
        this.registry = registry;
        this.translator = translator;
        this.reader = new MessageReader(registry, 1000);
        this.egressParameters = Map.copyOf(egressParameters);
        this.isSet = isSet;
        this.partners = partners;
    }

    /** Everything, in the order above; stops after a compile failure (nothing else can run). */
    public List<Result> check(Format format, boolean update) {
        List<Result> results = new ArrayList<>();
        Result compiles = compiles(format);
        results.add(compiles);
        if (compiles.failed()) {
            return results;
        }
        results.addAll(goldenPairs(format, update));
        results.addAll(negativeExamples(format, update));
        placeholders(format).ifPresent(results::add);
        return results;
    }

    private Result compiles(Format format) {
        String name = "schema and stylesheets compile";
        try {
            format.compile();
            registry.canonical().schema();
            return Result.passed(name);
        } catch (RuntimeException e) {
            return Result.failed(name, e.getMessage());
        }
    }

    /** Every golden pair of the format, in each direction it has, with the record key and downstream checks. */
    public List<Result> goldenPairs(Format format, boolean update) {
        List<Result> results = new ArrayList<>();
        Path examples = format.definition().folder().resolve("examples");
        for (Path message : files(examples, false)) {
            String name = examples.getParent().relativize(message).toString();
            Path golden = Path.of(message.toString().replaceFirst("\\.xml$", ".canonical.xml"));
            boolean writtenOnly = message.getParent().getFileName().toString().equals("written");
            ReadResult read = reader.read(bytes(message));
            if (!read.valid() || !read.format().map(f -> f.id().equals(format.id())).orElse(false)) {
                results.add(Result.failed(name + " is a valid " + format.id() + " message",
                        read.format().filter(f -> !f.id().equals(format.id())).map(f -> List.of("it is a " + f.id() + " message"))
                                .orElseGet(() -> read.allErrors().stream().map(XmlError::describe).toList())));
                continue;
            }
            if (format.definition().readable() && !writtenOnly) {
                results.add(toCanonical(format, read.document().get(), golden, name, update));
                // records partners send (kinds.yaml); receipts and responses answer records, they are none
                if (Files.isRegularFile(golden) && registry.kinds().kind(format.definition().kind()).isPresent()) {
                    results.add(recordKeys(format, read.document().get(), name));
                    results.addAll(downstream(format, golden, name));
                }
            }
            if (format.definition().writable()) {
                results.add(fromCanonical(format, message, golden, name, update && writtenOnly));
            }
        }
        return results;
    }

    private Result toCanonical(Format format, XdmNode message, Path golden, String name, boolean update) {
        String check = name + " -> canonical";
        byte[] actual;
        try {
            List<CanonicalDocument> docs = translator.toCanonical(format, message, Map.of());
            actual = docs.size() == 1 ? translator.write(docs.get(0).tree()) : translator.writeValidated(translator.batch(docs.stream()
                    .map(CanonicalDocument::tree).toList()), registry.canonical().schema(), Translator.CANONICAL_INVALID, Canonical.NAME);
        } catch (TranslationException e) {
            return Result.failed(check, describe(e));
        }
        return compare(check, golden, actual, update);
    }

    private Result fromCanonical(Format format, Path message, Path golden, String name, boolean update) {
        String check = name + " <- canonical";
        if (!Files.isRegularFile(golden)) {
            return Result.failed(check, "no golden canonical file " + golden.getFileName());
        }
        ReadResult canonical = reader.read(bytes(golden));
        if (!canonical.valid()) {
            return Result.failed(check, canonical.allErrors().stream().map(e -> golden.getFileName() + " " + e.describe()).toList());
        }
        try {
            byte[] actual = translator.fromCanonical(format, canonical.document().get(), Map.of());
            return compare(check, message, actual, update);
        } catch (TranslationException e) {
            return Result.failed(check, describe(e));
        }
    }

    private static Result compare(String check, Path golden, byte[] actual, boolean update) {
        if (!Files.isRegularFile(golden)) {
            if (update) {
                write(golden, actual);
                return new Result(check, Outcome.UPDATED, List.of("wrote " + golden.getFileName()));
            }
            return Result.failed(check, "no golden file " + golden.getFileName() + " (--update writes it from this translation)");
        }
        List<String> differences = GoldenFiles.differences(bytes(golden), actual);
        if (differences.isEmpty()) {
            return Result.passed(check);
        }
        if (update) {
            write(golden, actual);
            return new Result(check, Outcome.UPDATED, List.of("rewrote " + golden.getFileName() + " (" + differences.size()
                    + (differences.size() == 1 ? " difference)" : " differences)")));
        }
        List<String> details = new ArrayList<>(List.of("differs from " + golden.getFileName() + " (--update rewrites it after review):"));
        differences.forEach(d -> details.add("  " + d));
        return Result.failed(check, details);
    }

    /** The record ids the stylesheet writes agree with format.yaml's records.key, one document per record. */
    private Result recordKeys(Format format, XdmNode message, String name) {
        String check = name + " record ids = <partner>:records.key";
        if (format.definition().records().isEmpty()) {
            return new Result(check, Outcome.WARNING, List.of("format.yaml has no records: receipts and duplicates cannot name records"));
        }
        List<Format.RecordRef> records = format.records(message);
        List<CanonicalDocument> docs;
        try {
            docs = translator.toCanonical(format, message, Map.of("partner", CHECK_PARTNER));
        } catch (TranslationException e) {
            return Result.failed(check, describe(e));
        }
        List<String> problems = new ArrayList<>();
        if (docs.size() != records.size()) {
            problems.add("records.select finds " + records.size() + " record(s), the stylesheet made " + docs.size()
                    + " canonical document(s): each record must become one document, in the same order");
        }
        for (int i = 0; i < Math.min(docs.size(), records.size()); i++) {
            String expected = CHECK_PARTNER + ":" + records.get(i).key();
            if (!expected.equals(docs.get(i).recordId())) {
                problems.add(records.get(i).path() + ": records.key gives '" + records.get(i).key() + "', the stylesheet wrote record id '"
                        + docs.get(i).recordId() + "' (write $partner-id || ':' || adapter:record-key(.), mappings/common/adapter.xsl)");
            }
        }
        return problems.isEmpty() ? Result.passed(check) : Result.failed(check, problems);
    }

    /** What each canonical document needs for its kind (kinds.yaml), then the message customs would get. */
    private List<Result> downstream(Format format, Path golden, String name) {
        Optional<CanonicalKinds.Kind> kind = registry.kinds().kind(format.definition().kind());
        if (kind.isEmpty()) {
            return List.of();
        }
        ReadResult read = reader.read(bytes(golden));
        if (!read.valid()) {
            return List.of();
        }
        XdmNode root = Format.rootElement(read.document().get());
        List<XdmNode> documents = new ArrayList<>();
        if ("Batch".equals(root.getNodeName().getLocalName())) {
            for (XdmNode child : root.children()) {
                if (child.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT) {
                    documents.add(child);
                }
            }
        } else {
            documents.add(root);
        }
        List<String> unmet = new ArrayList<>();
        for (XdmNode doc : documents) {
            if (!kind.get().canonical().equals(doc.getNodeName().getLocalName())) {
                unmet.add(doc.getNodeName().getLocalName() + ": a format of kind " + kind.get().name() + " makes "
                        + kind.get().canonical() + " documents");
                continue;
            }
            for (CanonicalKinds.Need need : kind.get().needs()) {
                if (need.unlessSet().map(isSet::test).orElse(false)) {
                    continue;
                }
                if (!holds(need.test(), doc)) {
                    unmet.add(doc.getNodeName().getLocalName() + " " + recordId(doc) + " needs " + need.why()
                            + " [" + need.test() + "]" + need.unlessSet().map(s -> " (or set " + s + ")").orElse(""));
                }
            }
        }
        List<Result> results = new ArrayList<>();
        String needs = name + " has what a " + kind.get().canonical() + " needs (kinds.yaml)";
        results.add(unmet.isEmpty() ? Result.passed(needs) : Result.failed(needs, unmet));
        if (kind.get().forwardedAs().isEmpty()) {
            return results;
        }
        String forwardedAs = kind.get().forwardedAs().get();
        String forwarded = name + " can be forwarded as " + forwardedAs;
        Optional<Format> target = registry.byId(forwardedAs);
        if (target.isEmpty()) {
            results.add(Result.failed(forwarded, List.of("format " + forwardedAs + " is not registered")));
            return results;
        }
        List<String> errors = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>(egressParameters);
        params.put("message-guid", CHECK_GUID);
        try {
            translator.fromCanonical(target.get(), read.document().get(), params);
        } catch (TranslationException e) {
            errors.addAll(describe(e));
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
        }
        results.add(errors.isEmpty() ? Result.passed(forwarded) : Result.failed(forwarded, errors));
        return results;
    }

    private static boolean holds(String test, XdmNode doc) {
        try {
            XPathCompiler xpath = org.wcoecom.adapter.xml.Saxon.processor().newXPathCompiler();
            xpath.declareNamespace("c", Canonical.NAMESPACE);
            return xpath.evaluateSingle("boolean(" + test + ")", doc).getStringValue().equals("true");
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException(CanonicalKinds.FILE + ": need '" + test + "' is no XPath: " + e.getMessage(), e);
        }
    }

    private static String recordId(XdmNode doc) {
        for (XdmNode header : doc.children("Header")) {
            for (XdmNode id : header.children("RecordId")) {
                return id.getStringValue();
            }
        }
        return "";
    }

    /** Each negative example is refused the way its .expected file says. */
    public List<Result> negativeExamples(Format format, boolean update) {
        List<Result> results = new ArrayList<>();
        Path invalid = format.definition().folder().resolve("examples").resolve("invalid");
        for (Path message : files(invalid, true)) {
            String name = invalid.getParent().getParent().relativize(message).toString();
            Path expectedFile = NegativeExample.expectedFile(message);
            Optional<NegativeExample> expected;
            try {
                expected = Files.isRegularFile(expectedFile) ? Optional.of(NegativeExample.read(expectedFile)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                results.add(Result.failed(name, e.getMessage()));
                continue;
            }
            List<XmlError> errors = refusal(format, bytes(message), expected.flatMap(NegativeExample::partner));
            String check = name + " is refused";
            if (errors.isEmpty()) {
                results.add(Result.failed(check, "it is accepted: " + name + " must be a message the adapter refuses"));
            } else if (expected.isEmpty() || update && expected.get().matching(errors).isEmpty()) {
                if (update) {
                    NegativeExample written = NegativeExample.from(errors.get(0), expected.flatMap(NegativeExample::partner));
                    written.write(expectedFile);
                    results.add(new Result(check, Outcome.UPDATED, List.of("wrote " + expectedFile.getFileName() + ": " + written.describe())));
                } else {
                    List<String> details = new ArrayList<>(List.of("no " + expectedFile.getFileName()
                            + " (--update writes it from this answer); the adapter answers:"));
                    errors.forEach(e -> details.add("  " + e.code() + " " + e.describe()));
                    results.add(Result.failed(check, details));
                }
            } else if (expected.get().matching(errors).isPresent()) {
                results.add(Result.passed(check + " with " + expected.get().code()));
            } else {
                List<String> details = new ArrayList<>(List.of("expected " + expected.get().describe() + "; the adapter answers:"));
                errors.forEach(e -> details.add("  " + e.code() + " " + e.describe()));
                results.add(Result.failed(check, details));
            }
        }
        return results;
    }

    /**
     * The errors the adapter answers a message of this format with, as far as the format decides:
     * reading (identify, schema), the sender's codes when the partner is named, the translation to
     * canonical. Empty when the message would be accepted.
     */
    public List<XmlError> refusal(Format format, byte[] message, Optional<String> partnerId) {
        ReadResult read = reader.read(message);
        if (!read.valid()) {
            return read.allErrors();
        }
        if (!read.format().get().id().equals(format.id())) {
            return List.of(new XmlError(XmlError.UNKNOWN_FORMAT, 0, 0, "/", "it is a " + read.format().get().id() + " message"));
        }
        XdmNode document = read.document().get();
        if (partnerId.isPresent()) {
            Optional<Partner> partner = partners.flatMap(p -> p.byId(partnerId.get()));
            if (partner.isEmpty()) {
                return List.of(new XmlError("PARTNER_UNKNOWN", 0, 0, "/", "the expectation names partner " + partnerId.get()
                        + ", which is not in the partners file"));
            }
            List<XmlError> impostor = SenderIdentity.check(partner.get(), format, document, format.records(document));
            if (!impostor.isEmpty()) {
                return impostor;
            }
        }
        try {
            translator.toCanonical(format, document, Map.of("partner", partnerId.orElse(CHECK_PARTNER)));
            return List.of();
        } catch (TranslationException e) {
            return e.errors();
        }
    }

    /** Placeholders a scaffold left in the stylesheets: a warning, so a new format passes at once but is not forgotten. */
    private static Optional<Result> placeholders(Format format) {
        List<String> found = new ArrayList<>();
        for (Optional<Path> p : List.of(format.definition().toCanonical(), format.definition().fromCanonical())) {
            if (p.isEmpty()) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(p.get(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;
            }
            long n = lines.stream().filter(l -> l.contains("TODO")).count();
            if (n > 0) {
                found.add(p.get().getFileName() + ": " + n + (n == 1 ? " line" : " lines") + " with TODO (a placeholder to replace by a mapping)");
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new Result("placeholders left", Outcome.WARNING, found));
    }

    private static List<String> describe(TranslationException e) {
        List<String> lines = new ArrayList<>();
        lines.add("errors in " + e.document() + ":");
        e.errors().forEach(x -> lines.add("  " + x.code() + " " + x.describe()));
        return lines;
    }

    /** Messages in a folder (golden partner messages, or negative examples), sorted; golden canonical files left out. */
    private static List<Path> files(Path dir, boolean invalidFolder) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, invalidFolder ? 1 : 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".xml") && !p.toString().endsWith(".canonical.xml"))
                    .filter(p -> invalidFolder || !dir.relativize(p).startsWith("invalid"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
