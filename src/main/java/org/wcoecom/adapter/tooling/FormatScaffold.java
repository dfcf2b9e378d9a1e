package org.wcoecom.adapter.tooling;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.namespace.QName;

import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

import org.wcoecom.adapter.canonical.CanonicalKinds;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.xml.SchemaCatalog;
import org.wcoecom.adapter.xml.SchemaCompiler;
import org.wcoecom.adapter.xml.XmlError;

/**
 * {@code format new}: writes {@code mappings/<id>/} from the templates in
 * {@code mappings/canonical/skeleton/}: format.yaml, both stylesheets with the conventions filled
 * in, an example message (given, or made from the schema) with its golden canonical file, and a
 * negative example with its expectation. A schema outside {@code xsd/} is named through the schema
 * catalog (an entry is added), never copied. If anything fails, nothing is left behind.
 */
public final class FormatScaffold {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,34}");
    private static final String SKELETON = "mappings/canonical/skeleton";

    /**
     * What to write.
     *
     * @param id            the new format's id (its folder)
     * @param kind          what its messages hold (kinds.yaml)
     * @param root          its root element
     * @param schema        its schema file
     * @param example       a message to start from; empty: one made from the schema
     * @param receiptFormat how its senders are answered; empty: their partner entry's receiptFormat
     */
    public record Request(String id, String kind, QName root, Path schema, Optional<Path> example, Optional<String> receiptFormat) {
    }

    /** What was written, and what to do next. */
    public record Written(Path folder, List<Path> files, List<String> notes) {
    }

    private final Path home;
    private final SchemaCatalog catalog;
    private final Path catalogFile;

    /**
     * @param catalog     the schema catalog in use
     * @param catalogFile where an entry for a schema outside xsd/ is added (the first file of adapter.schemas.catalog)
     */
    public FormatScaffold(Path home, SchemaCatalog catalog, Path catalogFile) {
        this.home = home.toAbsolutePath().normalize();
        this.catalog = catalog;
        this.catalogFile = catalogFile.toAbsolutePath().normalize();
    }

    public Written write(Request request, java.util.function.Function<FormatRegistry, Translator> translators) {
        if (!ID.matcher(request.id()).matches()) {
            throw new IllegalArgumentException("format id '" + request.id() + "': lower-case letters, digits and '-', at most 35");
        }
        Path folder = home.resolve("mappings").resolve(request.id());
        if (Files.exists(folder)) {
            throw new IllegalArgumentException(folder + " exists already");
        }
        CanonicalKinds kinds = CanonicalKinds.load(home.resolve(CanonicalKinds.FILE));
        CanonicalKinds.Kind kind = kinds.kind(request.kind()).orElseThrow(() -> new IllegalArgumentException("kind '" + request.kind()
                + "' is not one of " + String.join(", ", kinds.kinds().keySet().stream().sorted().toList())));
        Path body = home.resolve(SKELETON).resolve(kind.canonical() + ".xsl.template");
        if (!Files.isRegularFile(body)) {
            throw new IllegalArgumentException("there is no skeleton for kind " + request.kind() + " (" + body + " is missing)");
        }
        Path schema = request.schema().toAbsolutePath().normalize();
        if (!Files.isRegularFile(schema)) {
            throw new IllegalArgumentException("schema " + request.schema() + " does not exist");
        }
        // the schema must compile and declare the root before anything is written
        new SchemaCompiler(catalog).compile(schema);
        List<QName> declared = SampleInstance.globalElements(schema, catalog);
        if (!declared.contains(request.root())) {
            throw new IllegalArgumentException("the schema declares no global element " + request.root() + "; it declares "
                    + declared.stream().map(QName::toString).sorted().toList());
        }
        String example = request.example().map(p -> read(p)).orElseGet(() -> SampleInstance.of(schema, request.root(), catalog));
        List<Path> written = new ArrayList<>();
        Optional<String> catalogEntry = Optional.empty();
        try {
            Files.createDirectories(folder.resolve("examples/invalid"));
            String schemaName = schemaName(request.id(), schema);
            if (!schemaName.equals(relativeToXsd(schema).orElse(null))) {
                catalogEntry = Optional.of(addCatalogEntry(schemaName, schema));
            }
            Map<String, String> values = new java.util.HashMap<>(Map.of(
                    "id", request.id(),
                    "title", request.id() + ": " + request.root().getLocalPart() + " messages (" + request.kind() + ")",
                    "kind", request.kind(),
                    "root", request.root().toString(),
                    "rootName", request.root().getLocalPart(),
                    "canonical", kind.canonical(),
                    "schema", schemaName,
                    "schemaComment", schemaName.equals(relativeToXsd(schema).orElse(null)) ? "under xsd/"
                            : "a schema kept outside the project, found through the schema catalog " + catalogFile.getFileName(),
                    "receiptFormat", request.receiptFormat().map(r -> "# senders of these messages are answered in\nreceiptFormat: " + r)
                            .orElse("# no receiptFormat: senders are answered in their partner entry's receiptFormat"),
                    "recordKey", recordKey(example)));
            values.put("body", read(body).stripTrailing());
            values.put("example", literal(example));
            written.add(writeTemplate("format.yaml", folder, values));
            written.add(writeTemplate("to-canonical.xsl", folder, values));
            written.add(writeTemplate("from-canonical.xsl", folder, values));
            Path exampleFile = folder.resolve("examples").resolve(request.id() + "-example.xml");
            Files.writeString(exampleFile, example, StandardCharsets.UTF_8);
            written.add(exampleFile);

            FormatRegistry registry = FormatRegistry.load(home, SchemaCatalog.load(catalogFiles()));
            Format format = registry.byId(request.id()).orElseThrow(() -> new IllegalStateException(registry.problems().stream()
                    .filter(p -> p.format().equals(request.id())).map(FormatRegistry.Problem::describe).findFirst()
                    .orElse("the new format was not registered")));
            Translator translator = translators.apply(registry);
            ReadResult read = new MessageReader(registry, 100).read(Files.readAllBytes(exampleFile));
            if (!read.valid()) {
                throw new IllegalArgumentException("the example is not a valid " + request.root() + " message: "
                        + read.allErrors().stream().map(XmlError::describe).toList()
                        + (request.example().isEmpty() ? " (give one with --example FILE)" : ""));
            }
            written.add(golden(format, read.document().get(), exampleFile, translator, registry));
            written.addAll(negative(format, read.document().get(), folder, translator, registry));
            List<String> notes = new ArrayList<>();
            catalogEntry.ifPresent(notes::add);
            return new Written(folder, written, notes);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder);
            catalogEntry.ifPresent(entry -> removeCatalogEntry(schemaName(request.id(), schema)));
            if (e instanceof IOException io) {
                throw new IllegalStateException("cannot write " + folder + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private List<Path> catalogFiles() {
        List<Path> files = new ArrayList<>(catalog.files());
        files.addAll(catalog.missing());
        if (!files.contains(catalogFile)) {
            files.add(0, catalogFile);
        }
        return files;
    }

    /** The golden canonical file of the example, from the skeleton's stylesheet. */
    private Path golden(Format format, XdmNode message, Path exampleFile, Translator translator, FormatRegistry registry) {
        try {
            List<CanonicalDocument> docs = translator.toCanonical(format, message, Map.of());
            Path golden = Path.of(exampleFile.toString().replaceFirst("\\.xml$", ".canonical.xml"));
            FormatCheck.write(golden, docs.size() == 1 ? translator.write(docs.get(0).tree())
                    : translator.writeValidated(translator.batch(docs.stream().map(CanonicalDocument::tree).toList()),
                    registry.canonical().schema(), Translator.CANONICAL_INVALID, "canonical"));
            return golden;
        } catch (TranslationException e) {
            throw new IllegalStateException("the skeleton's stylesheet does not translate the example: "
                    + e.errors().stream().map(XmlError::describe).toList(), e);
        }
    }

    /**
     * A negative example: the example without one of its elements, the first whose absence the
     * schema refuses, and the answer the adapter gives to it.
     */
    private List<Path> negative(Format format, XdmNode message, Path folder, Translator translator, FormatRegistry registry) {
        FormatCheck check = new FormatCheck(registry, translator, Map.of(), s -> false, Optional.empty());
        XdmNode root = Format.rootElement(message);
        for (XdmNode element : descendants(root)) {
            String without = SerializedWithout.of(message, element);
            List<XmlError> errors = check.refusal(format, without.getBytes(StandardCharsets.UTF_8), Optional.empty());
            if (!errors.isEmpty()) {
                String name = "missing-" + element.getNodeName().getLocalName();
                Path file = folder.resolve("examples/invalid").resolve(name + ".xml");
                FormatCheck.write(file, without.getBytes(StandardCharsets.UTF_8));
                Path expected = NegativeExample.expectedFile(file);
                NegativeExample.from(errors.get(0), Optional.empty()).write(expected);
                return List.of(file, expected);
            }
        }
        return List.of();
    }

    private static List<XdmNode> descendants(XdmNode root) {
        List<XdmNode> result = new ArrayList<>();
        for (XdmNode child : root.children()) {
            if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                result.add(child);
                result.addAll(descendants(child));
            }
        }
        return result;
    }

    /** A message with one element left out, serialized. */
    private static final class SerializedWithout {
        static String of(XdmNode document, XdmNode left) {
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            write(Format.rootElement(document), left, out, true);
            return out.toString();
        }

        private static void write(XdmNode node, XdmNode left, StringBuilder out, boolean root) {
            if (node.equals(left)) {
                return;
            }
            switch (node.getNodeKind()) {
                case ELEMENT -> {
                    String name = node.getUnderlyingNode().getDisplayName();
                    out.append('<').append(name);
                    var namespaces = node.getUnderlyingNode().getAllNamespaces();
                    var parentNamespaces = root ? null : node.getParent().getUnderlyingNode().getAllNamespaces();
                    for (var binding : namespaces) {
                        if (parentNamespaces == null || !binding.getNamespaceUri().equals(parentNamespaces.getURIForPrefix(binding.getPrefix(), true))) {
                            out.append(binding.getPrefix().isEmpty() ? " xmlns" : " xmlns:" + binding.getPrefix())
                                    .append("=\"").append(escape(binding.getNamespaceUri().toString())).append('"');
                        }
                    }
                    for (XdmNode a : node.select(net.sf.saxon.s9api.streams.Steps.attribute()).asList()) {
                        out.append(' ').append(a.getUnderlyingNode().getDisplayName()).append("=\"").append(escape(a.getStringValue())).append('"');
                    }
                    out.append('>');
                    for (XdmNode c : node.children()) {
                        write(c, left, out, false);
                    }
                    out.append("</").append(name).append('>');
                }
                case TEXT -> out.append(escape(node.getStringValue()));
                default -> { }
            }
        }
    }

    /**
     * The first element with text (in document order), as an XPath from the root: a guess at the
     * record's key, for the engineer to confirm; the whole text when there is no such element.
     */
    private static String recordKey(String example) {
        XdmNode root;
        try {
            root = Format.rootElement(org.wcoecom.adapter.xml.Saxon.documentBuilder().build(new javax.xml.transform.sax.SAXSource(
                    org.wcoecom.adapter.xml.SecureXml.newReader(), new org.xml.sax.InputSource(new java.io.StringReader(example)))));
        } catch (net.sf.saxon.s9api.SaxonApiException e) {
            throw new IllegalArgumentException("the example is not well-formed XML: " + e.getMessage(), e);
        }
        for (XdmNode e : descendants(root)) {
            boolean leaf = descendants(e).isEmpty();
            if (leaf && !e.getStringValue().isBlank()) {
                List<String> steps = new ArrayList<>();
                for (XdmNode n = e; n != null && !n.equals(root); n = n.getParent()) {
                    steps.add(0, "*:" + n.getNodeName().getLocalName());
                }
                return String.join("/", steps);
            }
        }
        return "string(.)";
    }

    /** The example message as literal result elements (attribute braces doubled: they would be value templates). */
    private static String literal(String example) {
        String body = example.replaceFirst("^\\s*<\\?xml[^>]*\\?>\\s*", "");
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                out.append("    ").append(line.replace("{", "{{").replace("}", "}}")).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private Path writeTemplate(String name, Path folder, Map<String, String> values) throws IOException {
        String text = read(home.resolve(SKELETON).resolve(name + ".template"));
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Under xsd/: its path there; elsewhere: a catalog name for it. */
    private String schemaName(String id, Path schema) {
        return relativeToXsd(schema).orElse("urn:wco-ecom-adapter:schema:" + id + ":" + schema.getFileName());
    }

    private Optional<String> relativeToXsd(Path schema) {
        Path xsd = home.resolve("xsd");
        return schema.startsWith(xsd) ? Optional.of(xsd.relativize(schema).toString().replace('\\', '/')) : Optional.empty();
    }

    /** Adds {@code <uri name="NAME" uri="file:..."/>} to the catalog file (created when missing); returns a note. */
    private String addCatalogEntry(String name, Path schema) {
        try {
            String entry = "  <uri name=\"" + name + "\" uri=\"" + catalogUri(schema) + "\"/>\n";
            if (!Files.isRegularFile(catalogFile)) {
                Files.createDirectories(catalogFile.getParent());
                Files.writeString(catalogFile, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!-- Schemas the project names but does not hold (official and partners' published schemas):
                             format.yaml's schema: NAME -> the file. Read by the adapter at start (adapter.schemas.catalog). -->
                        <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
                        </catalog>
                        """, StandardCharsets.UTF_8);
            }
            String text = Files.readString(catalogFile, StandardCharsets.UTF_8);
            int end = text.lastIndexOf("</catalog>");
            if (end < 0) {
                throw new IllegalArgumentException(catalogFile + " has no </catalog>: add " + entry.strip() + " yourself");
            }
            Files.writeString(catalogFile, text.substring(0, end) + entry + text.substring(end), StandardCharsets.UTF_8);
            return "schema catalog " + catalogFile + ": added " + entry.strip() + " (the schema stays where it is)";
        } catch (IOException e) {
            throw new IllegalStateException("cannot add the schema to " + catalogFile + ": " + e.getMessage(), e);
        }
    }

    private void removeCatalogEntry(String name) {
        try {
            if (Files.isRegularFile(catalogFile)) {
                String text = Files.readString(catalogFile, StandardCharsets.UTF_8);
                Files.writeString(catalogFile, text.replaceAll("  <uri name=\"" + Pattern.quote(name) + "\"[^\\n]*\\n", ""), StandardCharsets.UTF_8);
            }
        } catch (IOException ignored) {
            // the entry names a folder that is gone: harmless, and reported by nothing
        }
    }

    /**
     * The schema's place relative to the catalog file (a checkout beside the partner's schemas keeps
     * working on another machine with the same layout), as a URI reference.
     */
    private String catalogUri(Path schema) {
        Path relative = catalogFile.getParent().relativize(schema);
        StringBuilder uri = new StringBuilder();
        for (Path step : relative) {
            if (uri.length() > 0) {
                uri.append('/');
            }
            uri.append(java.net.URLEncoder.encode(step.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return uri.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // what cannot be deleted stays; the error that caused the clean-up is reported
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    /** The kinds a skeleton exists for. */
    public static List<String> kindsWithSkeleton(Path home) {
        CanonicalKinds kinds = CanonicalKinds.load(home.resolve(CanonicalKinds.FILE));
        return kinds.kinds().values().stream()
                .filter(k -> Files.isRegularFile(home.resolve(SKELETON).resolve(k.canonical() + ".xsl.template")))
                .map(CanonicalKinds.Kind::name).sorted().toList();
    }
}
