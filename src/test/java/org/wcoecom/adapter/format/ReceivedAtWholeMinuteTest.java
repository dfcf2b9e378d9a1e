package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;

/**
 * A message received at a whole minute (seconds and milliseconds zero) is translated like any
 * other. Java writes such a time without its seconds ("13:21+08:00"), which is no xs:dateTime: the
 * stylesheet refused it and the order was rejected with an internal error, about one message in
 * sixty thousand milliseconds.
 */
class ReceivedAtWholeMinuteTest {

    private final Translations engine = new Translations();

    @Test
    void a_time_at_a_whole_minute_keeps_its_seconds() throws Exception {
        Path order = Project.partnerExamples("ceb311").get(0);
        Format format = engine.formats().byId("ceb311").orElseThrow();
        OffsetDateTime wholeMinute = OffsetDateTime.of(2026, 11, 28, 13, 21, 0, 0, ZoneOffset.ofHours(8));

        List<CanonicalDocument> docs = engine.translator().toCanonical(format, engine.valid(Project.bytes(order)),
                Map.of("partner", "demo-platform", "channel", "jms", "received-at", wholeMinute));

        String xml = new String(docs.get(0).xml(), StandardCharsets.UTF_8);
        String receivedAt = xml.replaceAll("(?s).*<c:ReceivedAt>([^<]*)</c:ReceivedAt>.*", "$1");
        assertEquals("2026-11-28T13:21:00+08:00", receivedAt);
    }
}
