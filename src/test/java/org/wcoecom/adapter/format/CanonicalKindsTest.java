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
import org.wcoecom.adapter.pipeline.Routing;
import org.wcoecom.adapter.support.Project;

/**
 * mappings/canonical/kinds.yaml says, for each kind, the format customs gets it in; routes/egress.camel.yaml
 * forwards each address of mappings/routing.yaml in a format: the three must agree. Every partner
 * format's kind is described there, and the rules read their identifier schemes from it.
 */
class CanonicalKindsTest {

    @Test
    void kinds_agree_with_the_routing_table_and_the_egress_routes() throws Exception {
        CanonicalKinds kinds = Project.formats().kinds();
        Routing routing = Routing.load(Project.root());
        Map<String, String> egress = new HashMap<>();
        try (InputStream in = Files.newInputStream(Project.root().resolve("routes/egress.camel.yaml"))) {
            for (Object entry : (List<?>) new Load(LoadSettings.builder().build()).loadFromInputStream(in)) {
                if (entry instanceof Map<?, ?> m && m.get("templatedRoute") instanceof Map<?, ?> route
                        && "egress-ceb".equals(route.get("routeTemplateRef"))) {
                    Map<String, String> p = new HashMap<>();
                    for (Object param : (List<?>) route.get("parameters")) {
                        Map<?, ?> pm = (Map<?, ?>) param;
                        p.put(String.valueOf(pm.get("name")), String.valueOf(pm.get("value")));
                    }
                    egress.put(p.get("address"), p.get("format"));
                }
            }
        }
        Map<String, String> kindOfAddress = new HashMap<>();
        for (CanonicalKinds.Kind kind : kinds.kinds().values()) {
            if (kind.forwardedAs().isEmpty()) {
                continue;
            }
            // as the pipeline routes: the kind's own entry, else its canonical element's
            String address = routing.of(kind.name()).or(() -> routing.of(kind.canonical())).map(Routing.Route::address)
                    .orElseThrow(() -> new AssertionError(kind.name() + " is forwarded, but routing.yaml gives neither it nor "
                            + kind.canonical() + " an address"));
            assertEquals(kind.forwardedAs().get(), egress.get(address),
                    "kinds.yaml forwards " + kind.name() + " as " + kind.forwardedAs().get() + "; routes/egress.camel.yaml: " + egress);
            assertTrue(Project.formats().byId(kind.forwardedAs().get()).isPresent(), kind.forwardedAs().get());
            String other = kindOfAddress.put(address, kind.name());
            if (other != null) {
                // two kinds may share an address only when customs gets them in the same format (inventory, declaration)
                assertEquals(kinds.kind(other).orElseThrow().forwardedAs(), kind.forwardedAs(),
                        other + " and " + kind.name() + " travel on " + address + " but are forwarded in different formats");
            }
        }
        for (Routing.Route route : routing.all()) {
            boolean element = Character.isUpperCase(route.kind().charAt(0));
            assertTrue(element || kinds.kind(route.kind()).isPresent(),
                    "routing.yaml routes " + route.kind() + ", which is neither a canonical element nor a kind of kinds.yaml");
            if (route.consumers().contains("egress")) {
                assertTrue(egress.containsKey(route.address()), route.address() + " has an egress queue, but no egress route reads it");
            }
        }
        assertEquals(routing.all().stream().filter(r -> r.consumers().contains("egress")).map(Routing.Route::address)
                .collect(java.util.stream.Collectors.toSet()), egress.keySet(), "egress routes read the addresses with an egress queue");
    }

    @Test
    void export_kinds_leave_in_their_export_formats_on_their_own_addresses() {
        CanonicalKinds kinds = Project.formats().kinds();
        Routing routing = Routing.load(Project.root());
        Map<String, String> expected = Map.of("export-order", "ceb303", "export-payment", "ceb403",
                "export-waybill", "ceb505", "export-inventory", "ceb603");
        expected.forEach((kind, format) -> {
            assertEquals(java.util.Optional.of(format), kinds.kind(kind).orElseThrow().forwardedAs(), kind);
            String address = routing.of(kind).orElseThrow(() -> new AssertionError(kind + " has no address of its own")).address();
            String importAddress = routing.of(kinds.kind(kind).get().canonical()).orElseThrow().address();
            assertTrue(!address.equals(importAddress), kind + " shares " + address + " with the import " + kinds.kind(kind).get().canonical());
        });
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
