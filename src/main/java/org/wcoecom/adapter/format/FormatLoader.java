package org.wcoecom.adapter.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.wcoecom.adapter.xml.SchemaCatalog;

/** Reads one {@code format.yaml}; every mistake in it is reported with the file and the key. */
final class FormatLoader {

    /** The keys of format.yaml; anything else is a typo, reported as such. */
    static final List<String> KEYS = List.of("id", "title", "kind", "root", "schema", "toCanonical", "fromCanonical",
            "receiptFormat", "sender", "messageId", "records", "signed", "signatureBefore");
    static final List<String> RECORD_KEYS = List.of("select", "key", "guid", "references", "senderReferences", "split");

    // a URI scheme (urn:, http:, file:, ...), not a single drive letter
    private static final java.util.regex.Pattern CATALOG_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]+:.+");

    private final Path xsdDir;
    private final SchemaCatalog catalog;
    /** the kinds a format may be of: kinds.yaml's and the answer kinds */
    private final List<String> kinds;

    FormatLoader(Path xsdDir, SchemaCatalog catalog, java.util.Collection<String> businessKinds) {
        this.xsdDir = xsdDir.toAbsolutePath().normalize();
        this.catalog = catalog;
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(businessKinds));
        all.addAll(FormatDefinition.ANSWER_KINDS);
        this.kinds = List.copyOf(all);
    }

    FormatDefinition load(Path formatYaml) {
        Map<String, Object> y = readYaml(formatYaml);
        unknownKeys(y.keySet(), KEYS, formatYaml, "");
        Path folder = formatYaml.getParent();
        String id = text(y, "id", formatYaml);
        if (!id.equals(folder.getFileName().toString())) {
            throw problem(formatYaml, "id '" + id + "' must equal the folder name '" + folder.getFileName() + "'");
        }
        List<QName> roots = new ArrayList<>();
        Object root = y.get("root");
        if (root instanceof List<?> list) {
            for (Object r : list) {
                roots.add(qname(String.valueOf(r), formatYaml));
            }
        } else if (root != null) {
            roots.add(qname(String.valueOf(root), formatYaml));
        }
        if (roots.isEmpty()) {
            throw problem(formatYaml, "'root' is missing: give the root element as {namespace}name");
        }
        String kind = text(y, "kind", formatYaml);
        if (!kinds.contains(kind)) {
            throw problem(formatYaml, "kind '" + kind + "' is not one of " + String.join(", ", kinds)
                    + " (business kinds are declared in mappings/canonical/kinds.yaml)");
        }
        String schemaName = text(y, "schema", formatYaml);
        Path schema = schema(schemaName, formatYaml);
        return new FormatDefinition(
                id,
                optionalText(y, "title").orElse(id),
                kind,
                List.copyOf(roots),
                folder,
                schema,
                schemaName,
                stylesheet(y, "toCanonical", folder, formatYaml),
                stylesheet(y, "fromCanonical", folder, formatYaml),
                optionalText(y, "receiptFormat"),
                optionalText(y, "sender"),
                optionalText(y, "messageId"),
                records(y, formatYaml),
                Boolean.parseBoolean(optionalText(y, "signed").orElse("false")),
                optionalText(y, "signatureBefore").map(q -> qname(q, formatYaml)));
    }

    /**
     * A path under xsd/ (the project's own schemas), or a name the schema catalog maps to a file
     * (schemas the project must not copy: official ones, a partner's published ones).
     */
    private Path schema(String name, Path file) {
        if (CATALOG_NAME.matcher(name).matches()) {
            java.net.URI target = catalog.lookup(name).orElseThrow(() -> problem(file, "schema '" + name
                    + "' is not in the " + catalog.describe() + " (add <uri name=\"" + name
                    + "\" uri=\"/path/to/schema.xsd\"/>; see adapter.schemas.catalog)"));
            Path p;
            try {
                p = Path.of(target);
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw problem(file, "schema '" + name + "' maps to " + target + ", which is not a file");
            }
            if (!Files.isRegularFile(p)) {
                throw problem(file, "schema '" + name + "' maps to " + p + " in the " + catalog.describe() + ", which does not exist");
            }
            return p;
        }
        Path p = xsdDir.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !p.startsWith(xsdDir)) {
            throw problem(file, "schema '" + name + "' is outside xsd/: name a schema kept elsewhere through the schema catalog"
                    + " (a <uri name=\"urn:...\" uri=\"" + name + "\"/> entry, then schema: urn:...)");
        }
        if (!Files.isRegularFile(p)) {
            throw problem(file, "schema " + p + " does not exist");
        }
        return p;
    }

    private static void unknownKeys(java.util.Set<?> keys, List<String> known, Path file, String prefix) {
        for (Object k : keys) {
            if (!known.contains(String.valueOf(k))) {
                throw problem(file, "unknown key '" + prefix + k + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static Optional<FormatDefinition.Records> records(Map<String, Object> y, Path file) {
        Object r = y.get("records");
        if (r == null) {
            return Optional.empty();
        }
        if (!(r instanceof Map<?, ?> m)) {
            throw problem(file, "'records' must be a map with select, key and references");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = (Map<String, Object>) m;
        unknownKeys(rec.keySet(), RECORD_KEYS, file, "records.");
        Map<String, String> refs = new LinkedHashMap<>();
        if (rec.get("references") instanceof Map<?, ?> refMap) {
            refMap.forEach((k, v) -> refs.put(String.valueOf(k), String.valueOf(v)));
        }
        java.util.List<String> senderRefs = new java.util.ArrayList<>();
        if (rec.get("senderReferences") instanceof java.util.List<?> list) {
            for (Object o : list) {
                if (!refs.containsKey(String.valueOf(o))) {
                    throw problem(file, "senderReferences: " + o + " is not one of the references");
                }
                senderRefs.add(String.valueOf(o));
            }
        }
        return Optional.of(new FormatDefinition.Records(
                text(rec, "select", file), text(rec, "key", file), optionalText(rec, "guid"), Map.copyOf(refs),
                java.util.List.copyOf(senderRefs), optionalText(rec, "split")));
    }

    private static Optional<Path> stylesheet(Map<String, Object> y, String key, Path folder, Path file) {
        Optional<String> name = optionalText(y, key);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path p = folder.resolve(name.get());
        if (!Files.isRegularFile(p)) {
            throw problem(file, key + ": stylesheet " + p + " does not exist");
        }
        return Optional.of(p);
    }

    private static QName qname(String clark, Path file) {
        try {
            return QName.valueOf(clark.trim());
        } catch (IllegalArgumentException e) {
            throw problem(file, "root '" + clark + "' is not of the form {namespace}name");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromInputStream(in);
            if (!(doc instanceof Map<?, ?>)) {
                throw problem(file, "must be a YAML map");
            }
            return (Map<String, Object>) doc;
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + e.getMessage());
        } catch (org.snakeyaml.engine.v2.exceptions.YamlEngineException e) {
            throw problem(file, "is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    private static String text(Map<String, Object> y, String key, Path file) {
        return optionalText(y, key).orElseThrow(() -> problem(file, "'" + key + "' is missing"));
    }

    private static Optional<String> optionalText(Map<String, Object> y, String key) {
        Object v = y.get(key);
        return v == null || String.valueOf(v).isBlank() ? Optional.empty() : Optional.of(String.valueOf(v).trim());
    }

    private static IllegalArgumentException problem(Path file, String message) {
        return new IllegalArgumentException(file + ": " + message);
    }
}
