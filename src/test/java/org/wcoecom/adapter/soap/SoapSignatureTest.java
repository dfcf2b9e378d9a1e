package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.ExchangeKeys;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.SoapBodies;
import org.wcoecom.adapter.support.SoapEnvelopes;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * A partner that must sign is heard only when the SOAP Body carries its valid signature: a signed
 * request is answered, a body changed after signing, an unsigned request, a body signed with a
 * key that is not the partner's, a wrong password are refused with a SOAP fault.
 */
class SoapSignatureTest {

    @TempDir
    static Path data;
    static TestAdapter adapter;
    static ExchangeKeys partnerKeys;
    static ExchangeKeys strangerKeys;
    static String declaration;

    @BeforeAll
    static void start() throws Exception {
        partnerKeys = ExchangeKeys.generate(data.resolve("keys"), "fr-douane");
        strangerKeys = ExchangeKeys.generate(data.resolve("keys"), "stranger");
        adapter = new TestAdapter(data.resolve("adapter"), Map.of(
                "adapter.soap.partners", "FR-DOUANE",
                "adapter.soap.partner.FR-DOUANE.username", "fr-douane",
                "adapter.soap.partner.FR-DOUANE.password", "test-secret-fr",
                "adapter.soap.partner.FR-DOUANE.signed", "true",
                "adapter.soap.partner.FR-DOUANE.truststore", partnerKeys.truststore().toString(),
                "adapter.soap.partner.FR-DOUANE.truststore-password", partnerKeys.password(),
                "adapter.egress.ceb.cop-code", "3120966888",
                "adapter.egress.ceb.cop-name", "上海通关报关代理有限公司",
                "adapter.egress.ceb.dxp-id", "DXPENT0000966888"));
        declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    private static HttpResponse<String> submit(String envelope) throws Exception {
        return SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration", envelope);
    }

    @Test
    void signed_request_is_answered() throws Exception {
        HttpResponse<String> r = submit(SoapEnvelopes.secured(declaration, "fr-douane", "test-secret-fr", partnerKeys));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(SoapBodies.body(r.body()).contains("<FunctionCode>01</FunctionCode>"), r.body());
    }

    @Test
    void body_changed_after_signing_is_refused() throws Exception {
        String signed = SoapEnvelopes.secured(declaration, "fr-douane", "test-secret-fr", partnerKeys);
        String tampered = signed.replace("<ItemChargeAmount currencyID=\"CNY\">596</ItemChargeAmount>",
                "<ItemChargeAmount currencyID=\"CNY\">5.96</ItemChargeAmount>");
        assertNotEquals(signed, tampered, "the test must change the signed body");
        HttpResponse<String> r = submit(tampered);
        assertEquals(500, r.statusCode());
        assertTrue(SoapBodies.isFault(r.body()), r.body());
    }

    @Test
    void unsigned_request_is_refused() throws Exception {
        HttpResponse<String> r = submit(SoapEnvelopes.secured(declaration, "fr-douane", "test-secret-fr", null));
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("must sign the SOAP Body"), r.body());
    }

    @Test
    void body_signed_with_another_key_is_refused() throws Exception {
        HttpResponse<String> r = submit(SoapEnvelopes.secured(declaration, "fr-douane", "test-secret-fr", strangerKeys));
        assertEquals(500, r.statusCode());
        assertTrue(SoapBodies.isFault(r.body()), r.body());
    }

    @Test
    void wrong_password_is_refused() throws Exception {
        HttpResponse<String> r = submit(SoapEnvelopes.secured(declaration, "fr-douane", "not-the-password", partnerKeys));
        assertEquals(500, r.statusCode());
        assertTrue(SoapBodies.isFault(r.body()), r.body());
    }
}
