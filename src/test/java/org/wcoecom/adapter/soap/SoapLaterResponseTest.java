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
import org.wcoecom.adapter.support.SoapBodies;
import org.wcoecom.adapter.support.SoapEnvelopes;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Waits;
import org.wcoecom.adapter.support.Xml;

/**
 * An overseas customs answers later (submitResponse) a declaration the adapter sent it: the
 * release reaches the record's original sender as a CEB622, the customs gets a WCO DM
 * acknowledgement; an answer to a declaration never sent to it is rejected with the reason.
 */
class SoapLaterResponseTest {

    @TempDir
    static Path data;
    static OverseasCustoms customs;
    static TestAdapter adapter;
    static ExchangeKeys ours;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        ours = ExchangeKeys.generate(data.resolve("keys"), "adapter");
        customs = new OverseasCustoms(PackagedAdapter.freePort(), "wco-ecom-adapter", "test-secret-out").trusting(ours).start();
        adapter = new TestAdapter(data.resolve("adapter"), SoapPartners.chinaCustoms(customs.address(), ours, Map.of()));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        customs.close();
    }

    private static String release(String lrn) {
        return """
                <Response xmlns="urn:wco:datamodel:WCO:RES-DMS:2">
                  <FunctionCode>09</FunctionCode>
                  <FunctionalReferenceID>REL-0001</FunctionalReferenceID>
                  <IssueDateTime><DateTimeString formatCode="304">20261120104500Z</DateTimeString></IssueDateTime>
                  <Status><ReleaseDateTime><DateTimeString formatCode="304">20261120104400Z</DateTimeString></ReleaseDateTime></Status>
                  <Declaration><FunctionalReferenceID>%s</FunctionalReferenceID><ID>26XX0000000000042</ID></Declaration>
                </Response>""".formatted(lrn);
    }

    @Test
    void later_release_reaches_the_original_sender() throws Exception {
        byte[] ceb621 = PartnerSigning.declarant().sign(Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));
        assertEquals(200, adapter.post(ceb621, "demo-declarant").statusCode());
        String selector = "AdapterRecordId = 'demo-declarant:YX20261120143005001' AND AdapterReceiptFormat = 'ceb622'";
        adapter.take("partner.demo-declarant.receipts", selector, TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("the synchronous answer was not relayed"));

        var ack = SoapEnvelopes.post(adapter.soapAddress(), "submitResponse",
                SoapEnvelopes.secured(release("TG20261120160512001"), "CN-GACC", "test-secret-in", ours));
        assertEquals(200, ack.statusCode(), ack.body());
        assertEquals("01", Xml.value(Xml.parse(SoapBodies.body(ack.body())), "/*:Response/*:FunctionCode"));
        var later = adapter.take("partner.demo-declarant.receipts", selector, TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("the release was not relayed"));
        var ceb622 = engine.valid(TestAdapter.text(later).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("TG20261120160512001", Xml.value(ceb622, "//ceb:copNo"));

        var unknown = SoapEnvelopes.post(adapter.soapAddress(), "submitResponse",
                SoapEnvelopes.secured(release("NEVER-SENT-1"), "CN-GACC", "test-secret-in", ours));
        assertEquals(200, unknown.statusCode(), "a business refusal is a response, not a fault");
        var refusal = Xml.parse(SoapBodies.body(unknown.body()));
        assertEquals("03", Xml.value(refusal, "/*:Response/*:FunctionCode"));
        assertEquals("UNKNOWN_REFERENCE", Xml.value(refusal, "/*:Response/*:Error/*:ValidationCode"));
    }
}
