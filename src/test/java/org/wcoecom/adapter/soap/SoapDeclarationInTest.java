package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.SoapBodies;
import org.wcoecom.adapter.support.SoapEnvelopes;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A WCO DM declaration an overseas customs submits over SOAP is answered synchronously with a WCO
 * DM acceptance carrying the adapter's reference, and flows out to customs as a signed CEB621 on
 * JMS.
 */
class SoapDeclarationInTest {

    @TempDir
    static Path data;
    static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        adapter = new TestAdapter(data, Map.of(
                "adapter.soap.partners", "DE-ZOLL",
                "adapter.soap.partner.DE-ZOLL.username", "de-zoll",
                "adapter.soap.partner.DE-ZOLL.password", "test-secret-de",
                // a WCO DM declaration names no data-exchange sender: the CEB621 is sent under ours
                "adapter.egress.ceb.cop-code", "3120966888",
                "adapter.egress.ceb.cop-name", "上海通关报关代理有限公司",
                "adapter.egress.ceb.dxp-id", "DXPENT0000966888"));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void declaration_is_accepted_and_forwarded_as_ceb621() throws Exception {
        String declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"));
        HttpResponse<String> response = SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration",
                SoapEnvelopes.secured(declaration, "de-zoll", "test-secret-de", null));

        assertEquals(200, response.statusCode(), response.body());
        var res = Xml.parse(SoapBodies.body(response.body()));
        assertEquals("01", Xml.value(res, "/*:Response/*:FunctionCode"));
        assertEquals("LRN-DE-2026-000815", Xml.value(res, "/*:Response/*:Declaration/*:FunctionalReferenceID"));
        assertEquals("DE-ZOLL:DE-ORD-2026-004711", Xml.value(res, "/*:Response/*:Declaration/*:ID[@schemeID='RECORD_ID']"),
                "accepted with the adapter's reference");

        var ceb621 = engine.valid(TestAdapter.text(adapter.forwarded("DE-ZOLL:DE-ORD-2026-004711")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("DE-ORD-2026-004711", Xml.value(ceb621, "//ceb:InventoryHead/ceb:orderNo"));
        assertEquals("1Z999AA10123456784", Xml.value(ceb621, "//ceb:InventoryHead/ceb:logisticsNo"));
        assertEquals("1.95", Xml.value(ceb621, "//ceb:InventoryHead/ceb:netWeight"));
        assertEquals(2, Xml.values(ceb621, "//ceb:InventoryList").size());
        assertTrue(Xml.value(ceb621, "//*[local-name()='SignatureValue']") != null, "signed");
    }
}
