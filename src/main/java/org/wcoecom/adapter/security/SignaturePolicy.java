package org.wcoecom.adapter.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wcoecom.adapter.format.FormatDefinition;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.settings.Settings;

/**
 * Which messages must carry their sender's signature. By default, every partner must sign the
 * formats whose {@code format.yaml} says {@code signed: true} and that are declarations (kind
 * inventory or declaration: CEB621, ...); other signed formats are checked when they carry a
 * signature. A partner's entries change that per format:
 * {@code adapter.signature.partner.<id>.required} and {@code .optional}, comma-separated format ids
 * (any format the partner signs, e.g. {@code ceb311}). Formats neither signed nor listed are not
 * checked: a signature in them is carried, not trusted.
 */
public final class SignaturePolicy {

    public enum Mode {
        /** unsigned messages are refused, signed ones verified */
        REQUIRED,
        /** unsigned messages pass, signed ones are verified */
        OPTIONAL,
        /** the signature is not looked at */
        NONE
    }

    static final String PREFIX = "adapter.signature.partner.";
    private static final Set<String> DECLARATION_KINDS = Set.of("inventory", "declaration", "export-inventory");
    private static final List<String> PROPERTIES = List.of("certificates", "required", "optional");

    private final Map<String, Map<String, Mode>> byPartner;

    public SignaturePolicy(Map<String, Map<String, Mode>> byPartner) {
        this.byPartner = Map.copyOf(byPartner);
    }

    /**
     * The partners' entries from the settings, checked: every {@code adapter.signature.partner.*}
     * key names a known partner and property, every format listed is one partners send.
     */
    public static SignaturePolicy load(Settings settings, List<String> partners, FormatRegistry formats) {
        for (String key : settings.all().keySet()) {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                String property = rest.substring(rest.lastIndexOf('.') + 1);
                String partner = rest.lastIndexOf('.') < 0 ? "" : rest.substring(0, rest.lastIndexOf('.'));
                if (!PROPERTIES.contains(property) || !partners.contains(partner)) {
                    throw new IllegalArgumentException(key + ": expected " + PREFIX + "<partner>.{" + String.join(",", PROPERTIES)
                            + "} with a partner of the partners file (" + String.join(", ", partners) + ")");
                }
            }
        }
        Map<String, Map<String, Mode>> byPartner = new HashMap<>();
        for (String partner : partners) {
            Map<String, Mode> modes = new HashMap<>();
            for (Mode mode : List.of(Mode.REQUIRED, Mode.OPTIONAL)) {
                String key = PREFIX + partner + "." + mode.name().toLowerCase(java.util.Locale.ROOT);
                for (String id : settings.optional(key).map(v -> v.split(",")).orElse(new String[0])) {
                    String format = id.trim();
                    if (format.isEmpty()) {
                        continue;
                    }
                    if (formats.byId(format).filter(f -> f.definition().readable()).isEmpty()) {
                        throw new IllegalArgumentException(key + ": '" + format + "' is not a format the adapter reads");
                    }
                    if (modes.put(format, mode) != null) {
                        throw new IllegalArgumentException(format + " is both required and optional in " + PREFIX + partner + ".*");
                    }
                }
            }
            byPartner.put(partner, modes);
        }
        return new SignaturePolicy(byPartner);
    }

    public Mode mode(String partner, FormatDefinition format) {
        Mode configured = byPartner.getOrDefault(partner, Map.of()).get(format.id());
        if (configured != null) {
            return configured;
        }
        if (!format.signed()) {
            return Mode.NONE;
        }
        return DECLARATION_KINDS.contains(format.kind()) ? Mode.REQUIRED : Mode.OPTIONAL;
    }
}
