package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.BusinessValues;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;

/**
 * CEB311 to canonical and back keeps every business value: each element's text, exactly (Chinese
 * text, whitespace, the lexical form of numbers), in the same place.
 */
class RoundTripTest {

    private final Translations engine = new Translations();

    static Stream<Path> ownExamples() {
        return Project.partnerExamples("ceb311").stream();
    }

    static Stream<Path> officialSamples() {
        return Project.officialSamples("CEB311").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownExamples")
    void own_examples_keep_every_business_value(Path message) throws Exception {
        assertRoundTrip(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialSamples")
    void official_samples_keep_every_business_value(Path message) throws Exception {
        assertRoundTrip(message);
    }

    private void assertRoundTrip(Path message) throws Exception {
        byte[] original = Project.bytes(message);
        Format ceb311 = engine.formats().byId("ceb311").orElseThrow();
        List<byte[]> back = engine.translator().convert(ceb311, engine.valid(original), ceb311, Map.of());
        assertEquals(1, back.size());
        List<String> before = BusinessValues.of(engine.valid(original));
        List<String> after = BusinessValues.of(engine.valid(back.get(0)));
        assertFalse(before.isEmpty());
        assertEquals(before, after, "business values changed in the round trip of " + message.getFileName());
    }
}
