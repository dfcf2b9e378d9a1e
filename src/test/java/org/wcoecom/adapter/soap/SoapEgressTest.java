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
 * A CEB621 a partner sends flows out to the customs of its destination country as a WCO DM
 * declaration over SOAP (UsernameToken, signed body), and that customs' WCO DM answer comes back
 * to the partner as a CEB622 on its receipt queue.
 */
class SoapEgressTest {

    @TempDir
    static Path data;
    static OverseasCustoms customs;
    static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        ExchangeKeys ours = ExchangeKeys.generate(data.resolve("keys"), "adapter");
        customs = new OverseasCustoms(PackagedAdapter.freePort(), "wco-ecom-adapter", "test-secret-out").trusting(ours).start();
        adapter = new TestAdapter(data.resolve("adapter"), SoapPartners.chinaCustoms(customs.address(), ours, Map.of()));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        customs.close();
    }

    @Test
    void ceb621_goes_out_as_wco_dm_and_the_answer_comes_back() throws Exception {
        byte[] ceb621 = PartnerSigning.declarant().sign(Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));
        assertEquals(200, adapter.post(ceb621, "demo-declarant").statusCode());

        Waits.until(() -> !customs.received().isEmpty(), "the declaration reached the overseas customs");
        var dec = engine.read(customs.received().get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(dec.valid(), () -> "not a valid wco-dm-dec: " + dec.allErrors());
        assertEquals("wco-dm-dec", dec.format().orElseThrow().id());
        assertEquals("YX20261120143005001", Xml.value(dec.document().get(), "//*:UCR/*:TraderAssignedReferenceID"));
        assertEquals("TG20261120160512001", Xml.value(dec.document().get(), "/*:Declaration/*:FunctionalReferenceID"));
        assertEquals("CN", Xml.value(dec.document().get(), "//*:Destination/*:CountryCode"));

        var receipt = adapter.take("partner.demo-declarant.receipts",
                "AdapterRecordId = 'demo-declarant:YX20261120143005001' AND AdapterReceiptFormat = 'ceb622'", TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("the overseas customs' answer was not relayed"));
        var ceb622 = engine.valid(TestAdapter.text(receipt).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("TG20261120160512001", Xml.value(ceb622, "//ceb:copNo"));
        assertEquals(1, customs.received().size());
    }
}
