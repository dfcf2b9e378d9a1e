package org.wcoecom.adapter.format;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.tooling.FormatCheck;

/**
 * Refusals as data: every {@code mappings/<format>/examples/invalid/NAME.xml} is refused the way
 * {@code NAME.expected} says (error code, element path, a fragment of the message), as
 * {@code format check} checks it. Only the formats that have negative examples are compiled.
 */
class NegativeExamplesTest {

    private final Translations engine = new Translations();

    @TestFactory
    List<DynamicNode> every_negative_example_is_refused_as_expected() {
        FormatCheck check = new FormatCheck(engine.formats(), engine.translator(), Map.of(), key -> false,
                Optional.of(PartnerDirectory.load(Optional.empty())));
        List<DynamicNode> tests = new ArrayList<>();
        for (Format format : engine.formats().all()) {
            if (!Files.isDirectory(format.definition().folder().resolve("examples/invalid"))) {
                continue;
            }
            for (FormatCheck.Result r : check.negativeExamples(format, false)) {
                tests.add(DynamicTest.dynamicTest(format.id() + "/" + r.name(), () -> {
                    if (r.failed()) {
                        Assertions.fail(format.id() + "/" + r.name() + "\n" + String.join("\n", r.details()));
                    }
                }));
            }
        }
        Assertions.assertFalse(tests.isEmpty(), "no negative examples under mappings/*/examples/invalid");
        return tests;
    }
}
