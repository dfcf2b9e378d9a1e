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

import org.wcoecom.adapter.xml.Saxon;
import org.wcoecom.adapter.xml.SchemaCompiler;

/**
 * The formats the adapter knows: one folder {@code mappings/<id>/} with a {@code format.yaml} each,
 * discovered at start. Adding a partner format means adding a folder (and its schema), not Java.
 */
public final class FormatRegistry {

    /** The id of the canonical model's own entry. */
    public static final String CANONICAL = "canonical";

    private final Map<String, Format> byId;
    private final Map<QName, Format> byRoot;

    private FormatRegistry(Map<String, Format> byId, Map<QName, Format> byRoot) {
        this.byId = byId;
        this.byRoot = byRoot;
    }

    /** Loads and compiles every format under {@code home/mappings}, schemas from {@code home/xsd}. */
    public static FormatRegistry load(Path home) {
        Path mappings = home.resolve("mappings");
        Path xsd = home.resolve("xsd");
        if (!Files.isDirectory(mappings)) {
            throw new IllegalArgumentException("no mappings/ folder under " + home.toAbsolutePath()
                    + " (run from the project root, or set adapter.home)");
        }
        FormatLoader loader = new FormatLoader(xsd);
        SchemaCompiler schemas = new SchemaCompiler();
        Map<String, Format> byId = new LinkedHashMap<>();
        Map<QName, Format> byRoot = new LinkedHashMap<>();
        for (Path yaml : formatFiles(mappings)) {
            Format format = compile(loader.load(yaml), schemas);
            byId.put(format.id(), format);
            for (QName root : format.definition().roots()) {
                Format other = byRoot.putIfAbsent(root, format);
                if (other != null) {
                    throw new IllegalArgumentException("formats " + other.id() + " and " + format.id()
                            + " both claim root element " + root);
                }
            }
        }
        for (Format f : byId.values()) {
            f.receiptFormat().ifPresent(r -> {
                if (!byId.containsKey(r)) {
                    throw new IllegalArgumentException("format " + f.id() + " answers in receipt format " + r
                            + ", which is not registered");
                }
            });
        }
        if (!byId.containsKey(CANONICAL)) {
            throw new IllegalArgumentException("mappings/canonical/format.yaml is missing");
        }
        return new FormatRegistry(Map.copyOf(byId), Map.copyOf(byRoot));
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

    private static Format compile(FormatDefinition def, SchemaCompiler schemas) {
        XPathCompiler xpath = Saxon.processor().newXPathCompiler();
        Map<String, XPathExecutable> refs = new LinkedHashMap<>();
        def.records().ifPresent(r -> r.references().forEach((k, v) -> refs.put(k, xpath(xpath, v, def))));
        return new Format(def,
                schemas.compile(def.schema()),
                def.toCanonical().map(p -> stylesheet(p, def)).orElse(null),
                def.fromCanonical().map(p -> stylesheet(p, def)).orElse(null),
                def.sender().map(s -> xpath(xpath, s, def)).orElse(null),
                def.messageId().map(s -> xpath(xpath, s, def)).orElse(null),
                def.records().map(r -> xpath(xpath, r.select(), def)).orElse(null),
                def.records().map(r -> xpath(xpath, r.key(), def)).orElse(null),
                def.records().flatMap(FormatDefinition.Records::guid).map(g -> xpath(xpath, g, def)).orElse(null),
                Map.copyOf(refs));
    }

    private static XsltExecutable stylesheet(Path path, FormatDefinition def) {
        XsltCompiler compiler = Saxon.processor().newXsltCompiler();
        List<String> problems = new ArrayList<>();
        compiler.setErrorReporter(e -> problems.add(e.getMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")")));
        try {
            return compiler.compile(new StreamSource(path.toFile()));
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException("format " + def.id() + ": stylesheet " + path + " does not compile: "
                    + (problems.isEmpty() ? e.getMessage() : String.join("; ", problems)), e);
        }
    }

    private static XPathExecutable xpath(XPathCompiler compiler, String expression, FormatDefinition def) {
        try {
            return compiler.compile(expression);
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException("format " + def.id() + ": XPath '" + expression + "' does not compile: "
                    + e.getMessage(), e);
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
