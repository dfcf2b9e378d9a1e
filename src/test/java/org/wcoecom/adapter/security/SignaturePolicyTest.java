package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.format.FormatDefinition;
import org.wcoecom.adapter.security.SignaturePolicy.Mode;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.support.Project;

/** Who owes a signature on what: declarations by default, any format a partner is configured to sign, and nothing by mistake. */
class SignaturePolicyTest {

    private static final List<String> PARTNERS = List.of("demo-platform", "demo-declarant");

    private static SignaturePolicy policy(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return SignaturePolicy.load(Settings.load(Optional.empty(), values), PARTNERS, Project.formats());
    }

    private static FormatDefinition format(String id) {
        return Project.formats().byId(id).orElseThrow().definition();
    }

    @Test
    void declarations_must_be_signed_and_other_formats_are_not_checked_by_default() {
        SignaturePolicy policy = policy();
        assertEquals(Mode.REQUIRED, policy.mode("demo-declarant", format("ceb621")));
        assertEquals(Mode.REQUIRED, policy.mode("demo-platform", format("ceb621")), "whoever sends one");
        assertEquals(Mode.NONE, policy.mode("demo-platform", format("ceb311")));
        assertEquals(Mode.NONE, policy.mode("demo-platform", format("wco-dm-dec")), "WS-Security signs those");
    }

    @Test
    void a_partner_can_be_made_to_sign_a_format_or_allowed_to() {
        SignaturePolicy policy = policy("adapter.signature.partner.demo-platform.required", "ceb311, ceb411",
                "adapter.signature.partner.demo-declarant.optional", "ceb621");
        assertEquals(Mode.REQUIRED, policy.mode("demo-platform", format("ceb311")));
        assertEquals(Mode.REQUIRED, policy.mode("demo-platform", format("ceb411")));
        assertEquals(Mode.OPTIONAL, policy.mode("demo-declarant", format("ceb621")));
        assertEquals(Mode.NONE, policy.mode("demo-declarant", format("ceb311")), "only the partner named");
    }

    @Test
    void a_wrong_entry_stops_the_start() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> policy("adapter.signature.partner.nobody.required", "ceb311"))
                .getMessage().contains("adapter.signature.partner.nobody.required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> policy("adapter.signature.partner.demo-platform.requird", "ceb311"))
                .getMessage().contains("requird"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> policy("adapter.signature.partner.demo-platform.required", "ceb999"))
                .getMessage().contains("'ceb999' is not a format the adapter reads"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> policy("adapter.signature.partner.demo-platform.required", "ceb311",
                "adapter.signature.partner.demo-platform.optional", "ceb311")).getMessage().contains("both required and optional"));
    }
}
