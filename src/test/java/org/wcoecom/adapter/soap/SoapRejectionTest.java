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
 * A declaration the adapter refuses is answered with a WCO DM rejection (function code 03) listing
 * every error with its code and path, not with a SOAP fault; a request without a valid
 * UsernameToken is refused with a SOAP fault.
 */
class SoapRejectionTest {

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
    void invalid_declaration_is_rejected_with_every_error() throws Exception {
        String declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"))
                .replace("<CountryCode>JP</CountryCode>", "<CountryCode>JPN</CountryCode>")
                .replace("<TypeCode>IM</TypeCode>", "<TypeCode>XX</TypeCode>");
        HttpResponse<String> response = SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration",
                SoapEnvelopes.secured(declaration, "de-zoll", "test-secret-de", null));

        assertEquals(200, response.statusCode(), response.body());
        var res = Xml.parse(SoapBodies.body(response.body()));
        assertEquals("03", Xml.value(res, "/*:Response/*:FunctionCode"));
        var paths = Xml.values(res, "/*:Response/*:Error/*:Pointer/*:TagID");
        assertTrue(paths.stream().anyMatch(p -> p.endsWith("/TypeCode[1]")), paths.toString());
        assertTrue(paths.stream().anyMatch(p -> p.contains("/Origin[1]/CountryCode[1]")), paths.toString());
        assertTrue(Xml.values(res, "/*:Response/*:Error/*:ValidationCode").stream().allMatch("SCHEMA_INVALID"::equals));
        assertTrue(adapter.takeForwarded("DE-ZOLL:DE-ORD-2026-004711", java.time.Duration.ofSeconds(2)).isEmpty(),
                "nothing forwarded");
    }

    @Test
    void request_without_valid_token_is_a_soap_fault() throws Exception {
        String declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"));
        HttpResponse<String> noToken = SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration",
                SoapEnvelopes.secured(declaration, null, null, null));
        assertEquals(500, noToken.statusCode());
        assertTrue(SoapBodies.isFault(noToken.body()), noToken.body());
        HttpResponse<String> unknownUser = SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration",
                SoapEnvelopes.secured(declaration, "somebody", "test-secret-de", null));
        assertEquals(500, unknownUser.statusCode());
        assertTrue(SoapBodies.isFault(unknownUser.body()), unknownUser.body());
    }
}
