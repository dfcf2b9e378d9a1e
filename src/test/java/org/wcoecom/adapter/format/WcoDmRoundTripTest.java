package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A WCO DM message (declaration or response) translated to canonical and back is the same message:
 * the profile keeps everything it can say (RoundTripTest covers the CEB formats, whose round trip
 * is checked value by value).
 */
class WcoDmRoundTripTest {

    private final Translations engine = new Translations();

    static Stream<Arguments> examples() {
        return Stream.of("wco-dm-dec", "wco-dm-res")
                .flatMap(id -> Project.partnerExamples(id).stream().map(p -> Arguments.of(id, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void example_comes_back_unchanged(String id, Path message) throws Exception {
        byte[] original = Project.bytes(message);
        Format format = engine.formats().byId(id).orElseThrow();
        List<byte[]> back = engine.translator().convert(format, engine.valid(original), format, Map.of());
        assertEquals(1, back.size());
        Xml.assertSimilar(original, back.get(0), "round trip of " + message.getFileName());
    }
}
