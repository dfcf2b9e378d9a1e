package org.wcoecom.adapter.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

import org.wcoecom.adapter.settings.Settings;

/**
 * Where schemas the project must not copy (an official schema, a partner's published one) are
 * found: an OASIS XML catalog (urn:oasis:names:tc:entity:xmlns:xml:catalog), of which the adapter
 * reads {@code uri} and {@code system} entries and {@code nextCatalog}. A format's
 * {@code schema:} may be such a name; imports and includes inside schemas are looked up the same
 * way. Relative {@code uri} values are relative to the catalog file. Catalog files are the
 * operator's, not a partner's: still read without a DOCTYPE, like every XML the adapter reads.
 */
public final class SchemaCatalog {

    public static final String NAMESPACE = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    private final List<Path> files;
    private final List<Path> missing;
    private final Map<String, URI> entries;

    private SchemaCatalog(List<Path> files, List<Path> missing, Map<String, URI> entries) {
        this.files = List.copyOf(files);
        this.missing = List.copyOf(missing);
        this.entries = Map.copyOf(entries);
    }

    public static SchemaCatalog empty() {
        return new SchemaCatalog(List.of(), List.of(), Map.of());
    }

    /**
     * The catalog the settings name (adapter.schemas.catalog): OASIS XML catalog files,
     * comma-separated, relative to adapter.home.
     */
    public static SchemaCatalog configured(Settings settings) {
        List<Path> files = new ArrayList<>();
        for (String name : settings.optional("adapter.schemas.catalog").orElse("").split(",")) {
            if (!name.isBlank()) {
                files.add(settings.home().resolve(name.trim()));
            }
        }
        return load(files);
    }

    /**
     * Reads the catalog files in order (the first entry for a name wins). A file that does not exist
     * is remembered, not an error: only a format that needs one of its names fails, naming it.
     */
    public static SchemaCatalog load(List<Path> catalogFiles) {
        List<Path> read = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        Map<String, URI> entries = new LinkedHashMap<>();
        List<Path> queue = new ArrayList<>(catalogFiles);
        for (int i = 0; i < queue.size() && i < 100; i++) {
            Path file = queue.get(i).toAbsolutePath().normalize();
            if (read.contains(file) || missing.contains(file)) {
                continue;
            }
            if (!Files.isRegularFile(file)) {
                missing.add(file);
                continue;
            }
            read.add(file);
            readInto(file, entries, queue);
        }
        return new SchemaCatalog(read, missing, entries);
    }

    private static void readInto(Path file, Map<String, URI> entries, List<Path> next) {
        URI base = file.toUri();
        try (InputStream in = Files.newInputStream(file)) {
            var reader = SecureXml.eventReader(in);
            while (reader.hasNext()) {
                XMLEvent event = reader.nextEvent();
                if (event.getEventType() == XMLStreamConstants.DTD) {
                    throw new IllegalArgumentException("schema catalog " + file + " has a DOCTYPE: leave it out (catalogs are read without DTDs)");
                }
                if (!event.isStartElement()) {
                    continue;
                }
                StartElement e = event.asStartElement();
                if (!NAMESPACE.equals(e.getName().getNamespaceURI())) {
                    continue;
                }
                switch (e.getName().getLocalPart()) {
                    case "uri" -> entries.putIfAbsent(required(e, "name", file), base.resolve(required(e, "uri", file)));
                    case "system" -> entries.putIfAbsent(required(e, "systemId", file), base.resolve(required(e, "uri", file)));
                    case "nextCatalog" -> next.add(Path.of(base.resolve(required(e, "catalog", file))));
                    case "catalog", "group" -> { }
                    default -> throw new IllegalArgumentException("schema catalog " + file + ": <" + e.getName().getLocalPart()
                            + "> is not supported (the adapter reads uri, system and nextCatalog entries)");
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalArgumentException("schema catalog " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String required(StartElement e, String name, Path file) {
        Attribute a = e.getAttributeByName(new javax.xml.namespace.QName(name));
        if (a == null || a.getValue().isBlank()) {
            throw new IllegalArgumentException("schema catalog " + file + ": <" + e.getName().getLocalPart() + "> needs " + name);
        }
        return a.getValue().trim();
    }

    /** The file a name (a uri or system entry) stands for, if the catalog has it and it is a file. */
    public Optional<URI> lookup(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The catalog files read, for messages. */
    public List<Path> files() {
        return files;
    }

    /** Catalog files named but not there. */
    public List<Path> missing() {
        return missing;
    }

    /** "catalogs a.xml, b.xml (missing)" or "no schema catalog", for error messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        files.forEach(f -> parts.add(f.toString()));
        missing.forEach(f -> parts.add(f + " (missing)"));
        return parts.isEmpty() ? "no schema catalog" : "schema catalog " + String.join(", ", parts);
    }
}
