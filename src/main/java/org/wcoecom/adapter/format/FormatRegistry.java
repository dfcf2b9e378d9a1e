package org.wcoecom.adapter.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;

import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;

import org.wcoecom.adapter.canonical.CanonicalKinds;
import org.wcoecom.adapter.canonical.IdentifierSchemes;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.xml.Saxon;
import org.wcoecom.adapter.xml.SchemaCatalog;
import org.wcoecom.adapter.xml.SchemaCompiler;

/**
 * The formats the adapter knows: one folder {@code mappings/<id>/} with a {@code format.yaml} each,
 * discovered at start. Adding a partner format means adding a folder (and its schema), not Java.
 *
 * <p>A folder that cannot be used (its format.yaml is wrong, its root is another format's, its
 * receipt format is missing) is left out and reported in {@link #problems()}; the others work.
 * Schemas and stylesheets are compiled when first needed ({@link #compileAll()} compiles them all
 * now and leaves out the formats that do not compile).
 */
public final class FormatRegistry {

    /** The id of the canonical model's own entry. */
    public static final String CANONICAL = "canonical";

    private final Path home;
    private final SchemaCatalog catalog;
    private final Map<String, Format> byId;
    private final Map<QName, Format> byRoot;
    private final List<Problem> problems;
    private final CanonicalKinds kinds;

    /**
     * A format folder left out, and why.
     *
     * @param format the folder name (the format id it would have)
     * @param reason what is wrong, naming the file and key where it can
     */
    public record Problem(String format, String reason) {
        public String describe() {
            return "format " + format + " left out: " + reason;
        }
    }

    private FormatRegistry(Path home, SchemaCatalog catalog, CanonicalKinds kinds, Map<String, Format> byId, List<Problem> problems) {
        this.home = home;
        this.kinds = kinds;
        this.catalog = catalog;
        this.byId = Map.copyOf(byId);
        Map<QName, Format> roots = new LinkedHashMap<>();
        byId.values().forEach(f -> f.definition().roots().forEach(r -> roots.put(r, f)));
        this.byRoot = Map.copyOf(roots);
        this.problems = List.copyOf(problems);
    }

    /** The formats of adapter.home with the configured schema catalog; compiled as they are used. */
    public static FormatRegistry configured(Settings settings) {
        return load(settings.home(), SchemaCatalog.configured(settings));
    }

    /** The formats under {@code home/mappings}, schemas from {@code home/xsd} and the default catalog {@code xsd/catalog.xml}. */
    public static FormatRegistry load(Path home) {
        return load(home, SchemaCatalog.load(List.of(home.resolve(DEFAULT_CATALOG))));
    }

    /** Where format.yaml's catalog names are looked up unless adapter.schemas.catalog says otherwise. */
    public static final String DEFAULT_CATALOG = "xsd/catalog.xml";

    /**
     * The formats under {@code home/mappings}; schemas from {@code home/xsd} or, for a catalog name,
     * through the catalog. Nothing is compiled yet but the record paths.
     */
    public static FormatRegistry load(Path home, SchemaCatalog catalog) {
        Path mappings = home.resolve("mappings");
        Path xsd = home.resolve("xsd");
        if (!Files.isDirectory(mappings)) {
            throw new IllegalArgumentException("no mappings/ folder under " + home.toAbsolutePath()
                    + " (run from the project root, or set adapter.home)");
        }
        // what each kind needs and the identifier schemes the rules read: without them nothing can be checked
        CanonicalKinds kinds = CanonicalKinds.load(home.resolve(CanonicalKinds.FILE));
        IdentifierSchemes.use(kinds.schemes());
        FormatLoader loader = new FormatLoader(xsd, catalog, kinds.kinds().keySet());
        SchemaCompiler schemas = new SchemaCompiler(catalog);
        Map<String, Format> byId = new LinkedHashMap<>();
        Map<QName, String> claimed = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path yaml : formatFiles(mappings)) {
            String folder = yaml.getParent().getFileName().toString();
            Format format;
            try {
                format = define(loader.load(yaml), schemas);
            } catch (RuntimeException e) {
                problems.add(new Problem(folder, e.getMessage()));
                continue;
            }
            Optional<String> clash = format.definition().roots().stream().filter(claimed::containsKey)
                    .map(r -> "root element " + r + " is already format " + claimed.get(r) + "'s").findFirst();
            if (clash.isPresent()) {
                problems.add(new Problem(folder, clash.get()));
                continue;
            }
            format.definition().roots().forEach(r -> claimed.put(r, format.id()));
            byId.put(format.id(), format);
        }
        return new FormatRegistry(home, catalog, kinds, withReceiptFormats(byId, problems), problems);
    }

    /** Leaves out, until nothing changes, the formats whose receipt format is not there. */
    private static Map<String, Format> withReceiptFormats(Map<String, Format> byId, List<Problem> problems) {
        Map<String, Format> kept = new LinkedHashMap<>(byId);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Format f : List.copyOf(kept.values())) {
                Optional<String> receipt = f.receiptFormat();
                if (receipt.isPresent() && !kept.containsKey(receipt.get())) {
                    kept.remove(f.id());
                    problems.add(new Problem(f.id(), "it answers in receipt format " + receipt.get()
                            + ", which is " + (byId.containsKey(receipt.get()) ? "left out too" : "not registered")));
                    changed = true;
                }
            }
        }
        if (!kept.containsKey(CANONICAL)) {
            throw new IllegalArgumentException("mappings/canonical/format.yaml is missing or broken: nothing can be translated"
                    + problems.stream().filter(p -> p.format().equals(CANONICAL)).map(p -> " (" + p.reason() + ")").findFirst().orElse(""));
        }
        return kept;
    }

    /**
     * Compiles every format's schema and stylesheets now; the formats that do not compile are left
     * out (with the reason in {@link #problems()}), and those that answer in a left-out receipt format.
     */
    public FormatRegistry compileAll() {
        Map<String, Format> kept = new LinkedHashMap<>();
        List<Problem> found = new ArrayList<>(problems);
        for (Format f : byId.values()) {
            try {
                kept.put(f.id(), f.compile());
            } catch (RuntimeException e) {
                found.add(new Problem(f.id(), e.getMessage()));
            }
        }
        return new FormatRegistry(home, catalog, kinds, withReceiptFormats(kept, found), found);
    }

    /** The format folders left out, and why; empty when every folder is a working format. */
    public List<Problem> problems() {
        return problems;
    }

    /** The project folder the formats were read from. */
    public Path home() {
        return home;
    }

    public SchemaCatalog catalog() {
        return catalog;
    }

    /** mappings/canonical/kinds.yaml: each kind's canonical element, queue, CEB format and needs. */
    public CanonicalKinds kinds() {
        return kinds;
    }

    private static List<Path> formatFiles(Path mappings) {
        try (Stream<Path> dirs = Files.list(mappings)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.resolve("format.yaml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + mappings + ": " + e.getMessage(), e);
        }
    }

    private static Format define(FormatDefinition def, SchemaCompiler schemas) {
        XPathCompiler xpath = Saxon.processor().newXPathCompiler();
        Map<String, XPathExecutable> refs = new LinkedHashMap<>();
        def.records().ifPresent(r -> r.references().forEach((k, v) -> refs.put(k, xpath(xpath, v, def, "records.references." + k))));
        return new Format(def,
                () -> schemas.compile(def.schema()),
                def.toCanonical().map(p -> (java.util.function.Supplier<XsltExecutable>) () -> stylesheet(p, def)).orElse(null),
                def.fromCanonical().map(p -> (java.util.function.Supplier<XsltExecutable>) () -> stylesheet(p, def)).orElse(null),
                def.sender().map(s -> xpath(xpath, s, def, "sender")).orElse(null),
                def.messageId().map(s -> xpath(xpath, s, def, "messageId")).orElse(null),
                def.records().map(r -> xpath(xpath, r.select(), def, "records.select")).orElse(null),
                def.records().map(r -> xpath(xpath, r.key(), def, "records.key")).orElse(null),
                def.records().flatMap(FormatDefinition.Records::guid).map(g -> xpath(xpath, g, def, "records.guid")).orElse(null),
                Map.copyOf(refs));
    }

    private static XsltExecutable stylesheet(Path path, FormatDefinition def) {
        XsltCompiler compiler = Saxon.processor().newXsltCompiler();
        List<String> problems = new ArrayList<>();
        compiler.setErrorReporter(e -> {
            if (e.isWarning()) {
                return;
            }
            var at = e.getLocation();
            String where = at == null ? "" : " (" + (at.getSystemId() == null ? path.getFileName().toString()
                    : Path.of(java.net.URI.create(at.getSystemId())).getFileName().toString()) + " line " + at.getLineNumber() + ")";
            problems.add(e.getMessage() + where);
        });
        try {
            return compiler.compile(new StreamSource(path.toFile()));
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException("stylesheet " + path + " does not compile: "
                    + (problems.isEmpty() ? e.getMessage() : String.join("; ", problems)), e);
        }
    }

    private static XPathExecutable xpath(XPathCompiler compiler, String expression, FormatDefinition def, String key) {
        try {
            return compiler.compile(expression);
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException(def.folder().resolve("format.yaml") + ": " + key + " '" + expression
                    + "' is not an XPath expression: " + e.getMessage(), e);
        }
    }

    public Optional<Format> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Format> byRoot(String namespace, String localName) {
        return Optional.ofNullable(byRoot.get(new QName(namespace == null ? "" : namespace, localName)));
    }

    public Format canonical() {
        return byId.get(CANONICAL);
    }

    /** All formats, sorted by id. */
    public List<Format> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Format::id)).toList();
    }

    /**
     * The known root elements grouped by namespace, for error messages (they must fit a receipt):
     * "{http://www.chinaport.gov.cn/ceb} CEB311Message (ceb311), CEB312Message (ceb312); ...".
     */
    public String describeKnownRoots() {
        Map<String, List<String>> byNamespace = new java.util.TreeMap<>();
        for (Format f : all()) {
            for (QName root : f.definition().roots()) {
                byNamespace.computeIfAbsent(root.getNamespaceURI(), ns -> new ArrayList<>())
                        .add(root.getLocalPart() + " (" + f.id() + ")");
            }
        }
        List<String> parts = new ArrayList<>();
        byNamespace.forEach((ns, roots) -> parts.add("{" + ns + "} " + String.join(", ", roots)));
        return String.join("; ", parts);
    }
}
