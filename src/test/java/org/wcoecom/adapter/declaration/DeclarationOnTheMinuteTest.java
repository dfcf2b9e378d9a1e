package org.wcoecom.adapter.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.canonical.model.HeaderType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.SourceType;

/**
 * A declaration decided on a whole minute (hh:mm:00) is issued like any other. It used to fail:
 * the issue time was written without its seconds, which xs:dateTime refuses; the cross-check's
 * transaction rolled back, and the redelivered batch could then overtake a correction.
 */
class DeclarationOnTheMinuteTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDeclarationDecidedOnTheMinuteHasItsSeconds() {
        HeaderType h = assemblerAt("2026-12-03T14:34:00Z").header(order());

        assertEquals("2026-12-03T22:34:00", h.getIssueDateTime().toXMLFormat());
        assertEquals("demo-platform:ORDER-1/declaration", h.getRecordId());
    }

    @Test
    void anyOtherSecondIsKeptAsItIs() {
        HeaderType h = assemblerAt("2026-12-31T15:59:59.750Z").header(order());

        assertEquals("2026-12-31T23:59:59", h.getIssueDateTime().toXMLFormat());
    }

    private static DeclarationAssembler assemblerAt(String instant) {
        DeclarantSettings declarant = new DeclarantSettings("3120980001", "Demo agent", "DXPENT0000000001", "3105", "3105",
                "9610", "4", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "seller");
        return new DeclarationAssembler(declarant, null, null, Clock.fixed(Instant.parse(instant), SHANGHAI));
    }

    private static OrderType order() {
        SourceType source = new SourceType();
        source.setPartner("demo-platform");
        HeaderType header = new HeaderType();
        header.setRecordId("demo-platform:ORDER-1");
        header.setSource(source);
        OrderType order = new OrderType();
        order.setHeader(header);
        return order;
    }
}
