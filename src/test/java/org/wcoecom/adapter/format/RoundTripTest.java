package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.BusinessValues;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;

/**
 * Every CEB format translated to canonical and back keeps every business value: each element's
 * text, exactly (Chinese text, whitespace, the lexical form of numbers), in the same place. For
 * receipts, that is what a receipt from customs keeps when it is relayed to the sender.
 */
class RoundTripTest {

    private final Translations engine = new Translations();

    static Stream<Arguments> ownExamples() {
        return translatable().flatMap(id -> Project.partnerExamples(id).stream()
                .filter(p -> !p.getParent().getFileName().toString().equals("written"))
                .map(p -> Arguments.of(id, p)));
    }

    static Stream<Arguments> officialSamples() {
        return translatable().flatMap(id -> Project.officialSamplesOf(id).stream()
                .map(p -> Arguments.of(id, p)));
    }

    private static Stream<String> translatable() {
        return Project.cebFormats().stream().filter(id -> {
            Format f = Project.formats().byId(id).orElseThrow();
            return f.toCanonical().isPresent() && f.fromCanonical().isPresent();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ownExamples")
    void own_examples_keep_every_business_value(String format, Path message) throws Exception {
        assertRoundTrip(format, message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("officialSamples")
    void official_samples_keep_every_business_value(String format, Path message) throws Exception {
        assertRoundTrip(format, message);
    }

    private void assertRoundTrip(String id, Path message) throws Exception {
        byte[] original = Project.bytes(message);
        Format format = engine.formats().byId(id).orElseThrow();
        List<byte[]> back = engine.translator().convert(format, engine.valid(original), format, Map.of());
        assertEquals(1, back.size());
        List<String> before = BusinessValues.of(engine.valid(original));
        List<String> after = BusinessValues.of(engine.valid(back.get(0)));
        assertFalse(before.isEmpty());
        assertEquals(before, after, "business values changed in the round trip of " + message.getFileName());
    }
}
