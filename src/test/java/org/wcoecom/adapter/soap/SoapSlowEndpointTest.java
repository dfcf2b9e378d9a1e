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
 * An overseas customs that answers too slowly is given up on after the receive timeout and asked
 * again; the answer to the retry reaches the sender.
 */
class SoapSlowEndpointTest {

    @TempDir
    static Path data;
    static OverseasCustoms customs;
    static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        ExchangeKeys ours = ExchangeKeys.generate(data.resolve("keys"), "adapter");
        // the timeout leaves a retry time to be signed and answered on a slow machine; the slow call outlasts it well
        customs = new OverseasCustoms(PackagedAdapter.freePort(), "wco-ecom-adapter", "test-secret-out").trusting(ours).slowFirst(1, 9000).start();
        adapter = new TestAdapter(data.resolve("adapter"), SoapPartners.chinaCustoms(customs.address(), ours, Map.ofEntries(
                        Map.entry("adapter.soap.client.receive-timeout", "3000"),
                        Map.entry("adapter.soap.egress.redelivery-delay", "500"))));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        customs.close();
    }

    @Test
    void slow_answer_times_out_and_the_retry_is_answered() throws Exception {
        byte[] ceb621 = PartnerSigning.declarant().sign(Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));
        assertEquals(200, adapter.post(ceb621, "demo-declarant").statusCode());

        var receipt = adapter.take("partner.demo-declarant.receipts",
                "AdapterRecordId = 'demo-declarant:YX20261120143005001' AND AdapterReceiptFormat = 'ceb622'", TestAdapter.WAIT);
        assertTrue(receipt.isPresent(), "the answer to the retry was relayed");
        assertTrue(customs.calls() >= 2, "the first call timed out and was sent again: " + customs.calls() + " call(s)");
        assertEquals(1, customs.received().size(), "one call was answered in time");
    }
}
