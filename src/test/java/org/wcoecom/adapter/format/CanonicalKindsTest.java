package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.wcoecom.adapter.canonical.CanonicalKinds;
import org.wcoecom.adapter.canonical.IdentifierSchemes;
import org.wcoecom.adapter.support.Project;

/**
 * mappings/canonical/kinds.yaml says, for each kind, the queue its records wait on and the format
 * customs gets them in; routes/egress.yaml does the forwarding: the two must agree. Every partner
 * format's kind is described there, and the rules read their identifier schemes from it.
 */
class CanonicalKindsTest {

    @Test
    void kinds_agree_with_the_egress_routes() throws Exception {
        CanonicalKinds kinds = Project.formats().kinds();
        Map<String, String> routed = new HashMap<>();
        try (InputStream in = Files.newInputStream(Project.root().resolve("routes/egress.yaml"))) {
            for (Object entry : (List<?>) new Load(LoadSettings.builder().build()).loadFromInputStream(in)) {
                if (entry instanceof Map<?, ?> m && m.get("templatedRoute") instanceof Map<?, ?> route
                        && "egress-ceb".equals(route.get("routeTemplateRef"))) {
                    Map<String, String> p = new HashMap<>();
                    for (Object param : (List<?>) route.get("parameters")) {
                        Map<?, ?> pm = (Map<?, ?>) param;
                        p.put(String.valueOf(pm.get("name")), String.valueOf(pm.get("value")));
                    }
                    routed.put(p.get("queue"), p.get("format"));
                }
            }
        }
        for (CanonicalKinds.Kind kind : kinds.kinds().values()) {
            assertEquals(kind.forwardedAs(), routed.get(kind.queue()),
                    "kinds.yaml forwards " + kind.name() + " from " + kind.queue() + " as " + kind.forwardedAs() + "; routes/egress.yaml: " + routed);
            assertTrue(Project.formats().byId(kind.forwardedAs()).isPresent(), kind.forwardedAs());
        }
    }

    @Test
    void every_partner_format_has_its_kind_described_and_the_schemes_are_the_rules() {
        for (Format f : Project.formats().all()) {
            String kind = f.definition().kind();
            if (!List.of("receipt", "response", "canonical").contains(kind)) {
                assertTrue(Project.formats().kinds().kind(kind).isPresent(), f.id() + " is of kind " + kind + ", which kinds.yaml does not describe");
            }
        }
        assertEquals(new IdentifierSchemes("CN-CUSTOMS", List.of("CN-RESIDENT-ID", "OTHER-ID")), IdentifierSchemes.current());
    }
}
