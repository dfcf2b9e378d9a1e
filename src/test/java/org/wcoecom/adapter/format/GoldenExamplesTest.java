package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.tooling.FormatCheck;

/**
 * Golden files, checked the way {@code format check} checks them (one implementation,
 * {@link FormatCheck}): every {@code mappings/<format>/examples/NAME.xml} with its
 * {@code NAME.canonical.xml} in each direction the format supports (pairs under
 * {@code examples/written/} are what the adapter writes, checked from canonical only); for formats
 * read from partners, that each record id is the partner and format.yaml's records.key, and that
 * each canonical document has what its kind needs downstream and can be forwarded to customs.
 * Adding a format folder with examples adds its tests, named by format and example.
 */
class GoldenExamplesTest {

    private final Translations engine = new Translations();

    @TestFactory
    List<DynamicNode> every_example_translates_to_its_golden_file_in_both_directions() {
        // an adapter that transmits for its partners (adapter.egress.ceb.*), as it must to forward WCO DM
        // declarations; a need a setting stands in for is then not asked of the documents
        FormatCheck check = new FormatCheck(engine.formats(), engine.translator(), Map.of("transfer-cop-code", "3120999001",
                "transfer-cop-name", "Adapter operator", "transfer-dxp-id", "DXPHUB0000999001"), key -> key.startsWith("adapter.egress.ceb."),
                Optional.empty());
        List<DynamicNode> formats = new ArrayList<>();
        for (Format format : engine.formats().all()) {
            List<DynamicTest> tests = check.goldenPairs(format, false).stream()
                    .map(r -> DynamicTest.dynamicTest(format.id() + "/" + r.name(), () -> {
                        if (r.failed()) {
                            // the name first: a console report may name dynamic tests by index only
                            Assertions.fail(format.id() + "/" + r.name() + "\n" + String.join("\n", r.details()));
                        }
                    })).toList();
            if (!tests.isEmpty()) {
                formats.add(DynamicContainer.dynamicContainer(format.id(), tests));
            }
        }
        assertFalse(formats.isEmpty(), "no examples found under mappings/*/examples");
        return formats;
    }
}
