package org.wcoecom.adapter.canonical;

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
 * {@code mappings/canonical/kinds.yaml}: for each kind of record a format may hold (format.yaml's
 * {@code kind}), its canonical element, the CEB format it is forwarded in (where it goes is
 * {@code mappings/routing.yaml}'s, by canonical element) and what a document needs for that; and the
 * identifier schemes the rules understand.
 */
public record CanonicalKinds(IdentifierSchemes schemes, Map<String, Kind> kinds) {

    public static final String FILE = "mappings/canonical/kinds.yaml";

    /**
     * One kind.
     *
     * @param name        order, payment, waybill, status, inventory, declaration
     * @param canonical   the canonical root element's local name (Order, Payment, ...)
     * @param forwardedAs the format customs gets it in; empty while the kind is not forwarded
     * @param needs       what a document must have to be forwarded and checked
     */
    public record Kind(String name, String canonical, Optional<String> forwardedAs, List<Need> needs) {
    }

    /**
     * A precondition on a canonical document of a kind.
     *
     * @param test      XPath on the document's root element (prefix c: is the canonical namespace)
     * @param why       what needs it, for people
     * @param unlessSet a setting that stands in for it when set
     */
    public record Need(String test, String why, Optional<String> unlessSet) {
    }

    public Optional<Kind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    @SuppressWarnings("unchecked")
    public static CanonicalKinds load(Path file) {
        Object doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> root) || !(root.get("schemes") instanceof Map<?, ?> schemes)
                || !(root.get("kinds") instanceof Map<?, ?> kindMap)) {
            throw new IllegalArgumentException(file + ": expected the maps 'schemes' and 'kinds'");
        }
        IdentifierSchemes ids = new IdentifierSchemes(text(schemes, "customsCode", file, "schemes"),
                strings(schemes.get("personId"), file, "schemes.personId"));
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kindMap.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?> k)) {
                throw new IllegalArgumentException(file + ": kind " + name + " must be a map");
            }
            String where = "kinds." + name;
            List<Need> needs = new ArrayList<>();
            if (k.get("needs") instanceof List<?> list) {
                for (Object n : list) {
                    if (!(n instanceof Map<?, ?> need)) {
                        throw new IllegalArgumentException(file + ": " + where + ".needs holds maps of test, why and unlessSet");
                    }
                    needs.add(new Need(text(need, "test", file, where + ".needs"), text(need, "why", file, where + ".needs"),
                            Optional.ofNullable(need.get("unlessSet")).map(String::valueOf)));
                }
            }
            kinds.put(String.valueOf(name), new Kind(String.valueOf(name), text(k, "canonical", file, where),
                    Optional.ofNullable(k.get("forwardedAs")).map(String::valueOf).map(String::trim), List.copyOf(needs)));
        });
        return new CanonicalKinds(ids, Map.copyOf(kinds));
    }

    private static String text(Map<?, ?> map, String key, Path file, String where) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(file + ": " + where + "." + key + " is missing");
        }
        return String.valueOf(v).trim();
    }

    private static List<String> strings(Object value, Path file, String where) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + where + " must be a list of scheme names");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
