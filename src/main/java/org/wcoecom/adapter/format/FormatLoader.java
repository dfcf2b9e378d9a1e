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

/** Reads one {@code format.yaml}; every mistake in it is reported with the file and the key. */
final class FormatLoader {

    private final Path xsdDir;

    FormatLoader(Path xsdDir) {
        this.xsdDir = xsdDir;
    }

    FormatDefinition load(Path formatYaml) {
        Map<String, Object> y = readYaml(formatYaml);
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
        Path schema = xsdDir.resolve(text(y, "schema", formatYaml));
        if (!Files.isRegularFile(schema)) {
            throw problem(formatYaml, "schema " + schema + " does not exist");
        }
        return new FormatDefinition(
                id,
                optionalText(y, "title").orElse(id),
                text(y, "kind", formatYaml),
                List.copyOf(roots),
                folder,
                schema,
                stylesheet(y, "toCanonical", folder, formatYaml),
                stylesheet(y, "fromCanonical", folder, formatYaml),
                optionalText(y, "receiptFormat"),
                optionalText(y, "sender"),
                optionalText(y, "messageId"),
                records(y, formatYaml),
                Boolean.parseBoolean(optionalText(y, "signed").orElse("false")));
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
