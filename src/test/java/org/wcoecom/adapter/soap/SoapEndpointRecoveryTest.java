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
 * A declaration sent while the overseas customs' endpoint is down is retried with growing delays
 * and delivered exactly once when the endpoint comes back; its answer reaches the sender once.
 */
class SoapEndpointRecoveryTest {

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
                        Map.entry("adapter.soap.egress.redelivery-delay", "500"),
                        Map.entry("adapter.soap.egress.max-redeliveries", "8"),
                        Map.entry("adapter.soap.egress.max-redelivery-delay", "2000"))));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        customs.close();
    }

    @Test
    void declaration_is_delivered_once_after_the_endpoint_comes_back() throws Exception {
        byte[] ceb621 = PartnerSigning.declarant().sign(Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));
        assertEquals(200, adapter.post(ceb621, "demo-declarant").statusCode());
        // the CEB621 has gone to customs: the copy for the exchange is being offered to the endpoint, which is down
        adapter.forwarded("demo-declarant:YX20261120143005001");
        assertTrue(adapter.take("DLQ.exchange.declaration", null, java.time.Duration.ofSeconds(2)).isEmpty(),
                "nothing dead-lettered while retrying");
        customs.start();

        Waits.until(() -> !customs.received().isEmpty(), "the declaration reached the overseas customs after recovery");
        var receipt = adapter.take("partner.demo-declarant.receipts",
                "AdapterRecordId = 'demo-declarant:YX20261120143005001' AND AdapterReceiptFormat = 'ceb622'", TestAdapter.WAIT);
        assertTrue(receipt.isPresent(), "the answer was relayed");
        assertTrue(adapter.take("partner.demo-declarant.receipts",
                "AdapterRecordId = 'demo-declarant:YX20261120143005001' AND AdapterReceiptFormat = 'ceb622'",
                java.time.Duration.ofSeconds(2)).isEmpty(), "relayed once");
        assertEquals(1, customs.received().size(), "delivered exactly once");
        assertEquals(1, customs.calls(), "no call reached it while it was down");
    }
}
