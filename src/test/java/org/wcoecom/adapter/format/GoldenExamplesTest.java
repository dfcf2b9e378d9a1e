package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Golden files: every {@code mappings/<format>/examples/NAME.xml} with its {@code NAME.canonical.xml}
 * is checked in each direction the format supports: NAME.xml to canonical gives the golden
 * canonical file, and the golden canonical file back to the format gives NAME.xml. Pairs under
 * {@code examples/written/} are what the adapter writes (its own receipts) and are checked from
 * canonical only. Adding a format folder with examples adds its tests.
 */
class GoldenExamplesTest {

    private final Translations engine = new Translations();

    @TestFactory
    List<DynamicTest> every_example_translates_to_its_golden_file_in_both_directions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Format format : engine.formats().all()) {
            Path dir = format.definition().folder().resolve("examples");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path message : Project.partnerExamples(format.id())) {
                Path golden = Path.of(message.toString().replaceFirst("\\.xml$", ".canonical.xml"));
                String name = format.id() + "/" + dir.relativize(message);
                boolean writtenOnly = message.getParent().getFileName().toString().equals("written");
                tests.add(DynamicTest.dynamicTest(name + " has a golden canonical file",
                        () -> assertTrue(Files.isRegularFile(golden), "missing " + golden)));
                if (!Files.isRegularFile(golden)) {
                    continue;
                }
                if (format.definition().readable() && !writtenOnly) {
                    tests.add(DynamicTest.dynamicTest(name + " -> canonical", () ->
                            Xml.assertSimilar(Project.bytes(golden), engine.toCanonicalFile(Project.bytes(message)),
                                    "canonical of " + message.getFileName())));
                }
                if (format.definition().writable()) {
                    tests.add(DynamicTest.dynamicTest(name + " <- canonical", () ->
                            Xml.assertSimilar(Project.bytes(message), engine.fromCanonical(format.id(), Project.bytes(golden)),
                                    format.id() + " from " + golden.getFileName())));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no examples found under mappings/*/examples");
        return tests;
    }
}
