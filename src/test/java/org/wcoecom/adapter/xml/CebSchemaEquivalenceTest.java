package org.wcoecom.adapter.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.validation.Schema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.support.Mutations;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Xml;

/**
 * For every CEB format the project registers, our schema gives the official 202205 schema's verdict
 * (import or export, as the specification assigns the format): on our examples, the official samples and thousands of systematic variants of each
 * (removed, repeated, reordered, renamed elements; values at and around every limit; root
 * attributes; repeat counts). The verdict compared is the one {@code validate} prints. Skipped when
 * ../shared/reference is absent.
 */
class CebSchemaEquivalenceTest {

    private static MessageReader reader;

    @BeforeAll
    static void schemas() {
        Project.reference();
        reader = new MessageReader(Project.formats(), 1);
    }

    static List<String> formats() {
        return Project.cebFormats();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void our_verdict_equals_the_official_schema_verdict_on_every_variant(String format) {
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        List<Path> seeds = new ArrayList<>();
        seeds.addAll(Project.partnerExamples(format));
        seeds.addAll(Project.officialSamplesOf(format));
        for (Path seed : seeds) {
            byte[] message = Project.bytes(seed);
            corpus.put(seed.getFileName().toString(), message);
            Mutations.of(message).forEach((label, variant) -> corpus.put(seed.getFileName() + ": " + label, variant));
        }

        Schema official = Project.officialCebSchema(format);
        int valid = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : corpus.entrySet()) {
            List<String> officialErrors = Xml.errors(official, e.getValue());
            ReadResult ours = reader.read(e.getValue());
            boolean officialValid = officialErrors.isEmpty();
            if (ours.valid() != officialValid) {
                disagreements.add(e.getKey() + ": ours " + (ours.valid() ? "valid" : "invalid " + ours.allErrors())
                        + ", official " + (officialValid ? "valid" : "invalid " + officialErrors));
            }
            if (officialValid) {
                valid++;
            }
        }
        System.out.printf("CEB schema equivalence, %s: %d messages (%d seeds), %d valid and %d invalid by the official schema, %d disagreements%n",
                format, corpus.size(), seeds.size(), valid, corpus.size() - valid, disagreements.size());
        assertTrue(valid > 20 && corpus.size() - valid > 200, "the corpus must hold many valid and invalid messages");
        assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " disagreements, e.g.:\n"
                + String.join("\n", disagreements.subList(0, Math.min(20, disagreements.size()))));
    }
}
