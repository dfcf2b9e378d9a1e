package org.wcoecom.adapter.canonical;

import java.util.List;

/**
 * The identifier schemes the rules understand (Party/Identifier/@scheme), declared in
 * {@code mappings/canonical/kinds.yaml}: a party's China customs code, a person's identity
 * documents. Loaded with the formats ({@code FormatRegistry.load}) and read by the rules'
 * helpers ({@link Parties}), which are static: every process that handles documents loads the
 * formats first.
 *
 * @param customsCode the scheme of a China customs registration code (CN-CUSTOMS)
 * @param personId    the schemes of a natural person's identity document (CN-RESIDENT-ID, OTHER-ID)
 */
public record IdentifierSchemes(String customsCode, List<String> personId) {

    private static volatile IdentifierSchemes current;

    public IdentifierSchemes {
        personId = List.copyOf(personId);
    }

    /** The schemes the rules use from now on. */
    public static void use(IdentifierSchemes schemes) {
        current = schemes;
    }

    public static IdentifierSchemes current() {
        IdentifierSchemes s = current;
        if (s == null) {
            throw new IllegalStateException("the identifier schemes are not loaded: they come from " + CanonicalKinds.FILE
                    + " with the formats (FormatRegistry.load)");
        }
        return s;
    }
}
