package org.wcoecom.adapter.partner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The partners file: who may send, under which codes, and how they are answered. One directory is
 * shared by everything that asks; {@link #update} replaces its contents at once (a reload of the
 * partners file), so every later question gets the new answer.
 */
public final class PartnerDirectory {

    /** One version of the partners file's contents. */
    private record Contents(Map<String, Partner> byId, Map<String, Partner> bySenderCode) {
    }

    private volatile Contents contents;

    private PartnerDirectory(Map<String, Partner> byId) {
        Map<String, Partner> codes = new LinkedHashMap<>();
        for (Partner p : byId.values()) {
            for (String code : p.senderCodes()) {
                Partner other = codes.putIfAbsent(code, p);
                if (other != null) {
                    throw new IllegalArgumentException("sender code " + code + " belongs to both " + other.id() + " and " + p.id());
                }
            }
        }
        // the order of the file: listings follow it
        this.contents = new Contents(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId)),
                java.util.Collections.unmodifiableMap(codes));
    }

    /** From now on, the partners of the other directory (a partners file read again). */
    public void update(PartnerDirectory newer) {
        this.contents = newer.contents;
    }

    /** The bundled example partners file (what a data folder's partners.yaml starts as). */
    public static java.io.InputStream bundled() {
        java.io.InputStream in = PartnerDirectory.class.getResourceAsStream("/partners.yaml");
        if (in == null) {
            throw new IllegalStateException("partners.yaml is missing from the classpath");
        }
        return in;
    }

    /** The given file, or the bundled partners.yaml when none is given. */
    public static PartnerDirectory load(Optional<Path> file) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get()) : bundled()) {
            return parse(in, file.map(Path::toString).orElse("partners.yaml"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read partners file " + file.orElse(null) + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static PartnerDirectory parse(InputStream in, String label) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(label).build()).loadFromInputStream(in);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(label + " is not valid YAML: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        }
        Map<String, Partner> byId = new LinkedHashMap<>();
        if (doc instanceof Map<?, ?> root && root.get("partners") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(label + ": each partner is a map (id, name, role, senderCodes, formats, receiptFormat)");
                }
                Map<String, Object> m = (Map<String, Object>) o;
                String id = String.valueOf(m.get("id"));
                if (!Partner.isValidId(id)) {
                    throw new IllegalArgumentException(label + ": partner id '" + id + "' may hold only letters, digits, '.', '_' and '-'");
                }
                List<String> codes = strings(m.get("senderCodes"));
                List<String> formats = strings(m.get("formats"));
                if (formats.isEmpty()) {
                    throw new IllegalArgumentException(label + ": partner " + id + " lists no formats it may send (formats: [ceb311, ...])");
                }
                String role = String.valueOf(m.getOrDefault("role", ""));
                if (!Partner.ROLES.contains(role) || Partner.EXCHANGE.equals(role)) {
                    throw new IllegalArgumentException(label + ": partner " + id + " has role '" + role + "'; it must be one of "
                            + String.join(", ", Partner.ROLES.subList(0, Partner.ROLES.size() - 1))
                            + " (overseas customs administrations are configured by adapter.soap.partner.*)");
                }
                Object receipt = m.get("receiptFormat");
                Partner p = new Partner(id, String.valueOf(m.getOrDefault("name", id)), role, codes, formats,
                        receipt == null ? Optional.empty() : Optional.of(String.valueOf(receipt)));
                if (byId.putIfAbsent(id, p) != null) {
                    throw new IllegalArgumentException(label + ": partner " + id + " is listed twice");
                }
            }
        } else {
            throw new IllegalArgumentException(label + ": expected a 'partners:' list");
        }
        return new PartnerDirectory(byId);
    }

    private static List<String> strings(Object list) {
        List<String> values = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(x -> values.add(String.valueOf(x)));
        }
        return List.copyOf(values);
    }

    public List<Partner> all() {
        return List.copyOf(contents.byId().values());
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(contents.byId().get(id));
    }

    public Optional<Partner> bySenderCode(String code) {
        return Optional.ofNullable(contents.bySenderCode().get(code));
    }
}
