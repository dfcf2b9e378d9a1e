package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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
 * What WS-Security must hold for the adapter to act on a SOAP request: the signature of a partner
 * that signs covers the envelope's own Body (not an element of that name moved elsewhere) and the
 * timestamp; every partner sends a timestamp, and one older than adapter.soap.timestamp-max-age is
 * refused, however far in the future its sender let it expire.
 */
class SoapMessageSecurityTest {

    private static final String GENUINE = "DE-ORD-2026-004711";
    private static final String FORGED = "ATTACK-ORD-0001";

    @TempDir
    static Path data;
    static TestAdapter adapter;
    static ExchangeKeys frKeys;
    static String declaration;

    @BeforeAll
    static void start() throws Exception {
        frKeys = ExchangeKeys.generate(data.resolve("keys"), "fr-douane");
        adapter = new TestAdapter(data.resolve("adapter"), Map.ofEntries(
                Map.entry("adapter.soap.partners", "FR-DOUANE,DE-ZOLL"),
                Map.entry("adapter.soap.partner.FR-DOUANE.username", "fr-douane"),
                Map.entry("adapter.soap.partner.FR-DOUANE.password", "test-secret-fr"),
                Map.entry("adapter.soap.partner.FR-DOUANE.signed", "true"),
                Map.entry("adapter.soap.partner.FR-DOUANE.truststore", frKeys.truststore().toString()),
                Map.entry("adapter.soap.partner.FR-DOUANE.truststore-password", frKeys.password()),
                Map.entry("adapter.soap.partner.DE-ZOLL.username", "de-zoll"),
                Map.entry("adapter.soap.partner.DE-ZOLL.password", "test-secret-de"),
                Map.entry("adapter.soap.timestamp-max-age", "300"),
                Map.entry("adapter.egress.ceb.cop-code", "3120966888"),
                Map.entry("adapter.egress.ceb.cop-name", "上海通关报关代理有限公司"),
                Map.entry("adapter.egress.ceb.dxp-id", "DXPENT0000966888")));
        declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    private static String declaration(String orderNo, String lrn) {
        return declaration.replace(GENUINE, orderNo).replace("LRN-DE-2026-000815", lrn);
    }

    private static HttpResponse<String> submit(String envelope) throws Exception {
        return SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration", envelope);
    }

    private static void assertRefused(HttpResponse<String> r, String reason) {
        assertEquals(500, r.statusCode(), r.body());
        assertTrue(SoapBodies.isFault(r.body()), r.body());
        assertTrue(r.body().contains(reason), "the fault says why: " + r.body());
    }

    @Test
    void a_signed_body_moved_after_the_body_and_replaced_by_another_is_refused() throws Exception {
        String signed = SoapEnvelopes.secured(declaration("FR-ORD-WRAP-1", "LRN-FR-WRAP-1"), "fr-douane", "test-secret-fr", frKeys);
        String attack = SoapEnvelopes.wrapped(signed, declaration(FORGED, "LRN-FORGED-1"), false);

        HttpResponse<String> r = submit(attack);

        assertEquals(500, r.statusCode(), r.body());
        assertTrue(SoapBodies.isFault(r.body()), r.body());
        assertTrue(adapter.takeForwarded("FR-DOUANE:" + FORGED, Duration.ofSeconds(2)).isEmpty(), "the forged body went nowhere");
        assertTrue(adapter.takeForwarded("FR-DOUANE:FR-ORD-WRAP-1", Duration.ofSeconds(1)).isEmpty(), "nor the signed one");
    }

    /**
     * CXF reads the first element named soap:Body in document order as the Body, in a header too,
     * and stops there: the signed Body is what is read, the forged one never is.
     */
    @Test
    void a_signed_body_moved_into_a_header_and_replaced_by_another_never_gets_the_forged_body_in() throws Exception {
        String signed = SoapEnvelopes.secured(declaration("FR-ORD-WRAP-2", "LRN-FR-WRAP-2"), "fr-douane", "test-secret-fr", frKeys);
        String attack = SoapEnvelopes.wrapped(signed, declaration(FORGED + "-2", "LRN-FORGED-2"), true);

        HttpResponse<String> r = submit(attack);

        assertFalse(r.body().contains(FORGED), r.body());
        assertTrue(adapter.takeForwarded("FR-DOUANE:" + FORGED + "-2", Duration.ofSeconds(2)).isEmpty(), "the forged body went nowhere");
        assertTrue(r.statusCode() != 200 || r.body().contains("FR-DOUANE:FR-ORD-WRAP-2"), "answered, if at all, about the signed body: " + r.body());
    }

    @Test
    void a_signature_of_the_timestamp_alone_does_not_cover_the_body() throws Exception {
        String request = SoapEnvelopes.secured(declaration("FR-ORD-TSO-1", "LRN-FR-TSO-1"), "fr-douane", "test-secret-fr", frKeys,
                Optional.of(Instant.now()), false, true);
        assertRefused(submit(request), "must sign the SOAP Body");
    }

    @Test
    void a_signed_request_whose_timestamp_is_not_signed_is_refused() throws Exception {
        String request = SoapEnvelopes.secured(declaration("FR-ORD-TSU-1", "LRN-FR-TSU-1"), "fr-douane", "test-secret-fr", frKeys,
                Optional.of(Instant.now()), true, false);
        assertRefused(submit(request), "must sign the timestamp");
    }

    @Test
    void a_request_without_a_timestamp_is_refused_signed_or_not() throws Exception {
        assertRefused(submit(SoapEnvelopes.secured(declaration("FR-ORD-NOTS-1", "LRN-FR-NOTS-1"), "fr-douane", "test-secret-fr",
                frKeys, Optional.empty())), "timestamp");
        assertRefused(submit(SoapEnvelopes.secured(declaration("DE-ORD-NOTS-1", "LRN-DE-NOTS-1"), "de-zoll", "test-secret-de",
                null, Optional.empty())), "timestamp");
    }

    @Test
    void a_request_older_than_the_maximum_age_is_refused_however_late_it_expires() throws Exception {
        Optional<Instant> tenMinutesAgo = Optional.of(Instant.now().minus(Duration.ofMinutes(10)));
        HttpResponse<String> signed = submit(SoapEnvelopes.secured(declaration("FR-ORD-OLD-1", "LRN-FR-OLD-1"), "fr-douane",
                "test-secret-fr", frKeys, tenMinutesAgo));
        HttpResponse<String> unsigned = submit(SoapEnvelopes.secured(declaration("DE-ORD-OLD-1", "LRN-DE-OLD-1"), "de-zoll",
                "test-secret-de", null, tenMinutesAgo));

        for (HttpResponse<String> r : new HttpResponse[] {signed, unsigned}) {
            assertEquals(500, r.statusCode(), r.body());
            assertTrue(SoapBodies.isFault(r.body()), r.body());
        }
        assertTrue(adapter.takeForwarded("FR-DOUANE:FR-ORD-OLD-1", Duration.ofSeconds(1)).isEmpty(), "nothing forwarded");
        assertTrue(adapter.takeForwarded("DE-ZOLL:DE-ORD-OLD-1", Duration.ofSeconds(1)).isEmpty(), "nothing forwarded");
    }

    @Test
    void a_fresh_timestamped_request_is_still_answered_signed_or_not() throws Exception {
        HttpResponse<String> signed = submit(SoapEnvelopes.secured(declaration("FR-ORD-OK-1", "LRN-FR-OK-1"), "fr-douane",
                "test-secret-fr", frKeys));
        HttpResponse<String> unsigned = submit(SoapEnvelopes.secured(declaration("DE-ORD-OK-1", "LRN-DE-OK-1"), "de-zoll",
                "test-secret-de", null));

        assertEquals(200, signed.statusCode(), signed.body());
        assertTrue(SoapBodies.body(signed.body()).contains("<FunctionCode>01</FunctionCode>"), signed.body());
        assertEquals(200, unsigned.statusCode(), unsigned.body());
        assertTrue(SoapBodies.body(unsigned.body()).contains("<FunctionCode>01</FunctionCode>"), unsigned.body());
        adapter.forwarded("FR-DOUANE:FR-ORD-OK-1");
        adapter.forwarded("DE-ZOLL:DE-ORD-OK-1");
    }
}
