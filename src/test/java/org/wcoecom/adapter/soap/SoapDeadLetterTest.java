package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.ExchangeKeys;
import org.wcoecom.adapter.support.OverseasCustoms;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.PartnerSigning;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.SoapPartners;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Waits;
import org.wcoecom.adapter.support.Xml;

/**
 * A declaration whose overseas customs stays unreachable ends, after the last retry, on the
 * dead letter queue as the canonical declaration, with the reason; nothing is relayed as an answer.
 */
class SoapDeadLetterTest {

    @TempDir
    static Path data;
    static OverseasCustoms customs;
    static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        ExchangeKeys ours = ExchangeKeys.generate(data.resolve("keys"), "adapter");
        // not started: the endpoint is down
        customs = new OverseasCustoms(PackagedAdapter.freePort(), "wco-ecom-adapter", "test-secret-out").trusting(ours);
        adapter = new TestAdapter(data.resolve("adapter"), SoapPartners.chinaCustoms(customs.address(), ours, Map.ofEntries(
                        Map.entry("adapter.soap.egress.redelivery-delay", "200"),
                        Map.entry("adapter.soap.egress.max-redeliveries", "2"))));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        customs.close();
    }

    @Test
    void unreachable_partner_gets_the_declaration_dead_lettered() throws Exception {
        byte[] ceb621 = PartnerSigning.declarant().sign(Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));
        assertEquals(200, adapter.post(ceb621, "demo-declarant").statusCode());

        var dead = adapter.take("DLQ.exchange.declaration", null, TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("nothing reached the dead letter queue"));
        assertEquals("demo-declarant:YX20261120143005001", dead.getStringProperty("AdapterRecordId"));
        assertTrue(dead.getStringProperty("AdapterDlqReason") != null, "the reason is kept");
        assertEquals("exchange.declaration", dead.getStringProperty("AdapterDlqSource"), "where a replay sends it");
        var canonical = engine.read(TestAdapter.text(dead).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("canonical", canonical.format().orElseThrow().id(), "the canonical declaration is kept, to send again");
        assertTrue(adapter.take("partner.demo-declarant.receipts", "AdapterReceiptFormat = 'ceb622'",
                java.time.Duration.ofSeconds(1)).isEmpty(), "no answer was relayed");
        assertEquals(0, customs.calls());
    }
}
