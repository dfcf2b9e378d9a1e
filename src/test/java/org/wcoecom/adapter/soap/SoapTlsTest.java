package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.ExchangeKeys;
import org.wcoecom.adapter.support.OverseasCustoms;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.SoapBodies;
import org.wcoecom.adapter.support.SoapEnvelopes;
import org.wcoecom.adapter.support.SoapPartners;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.TlsKeys;
import org.wcoecom.adapter.support.Waits;

/**
 * SOAP with TLS: the service answers over https and not over plain HTTP; the client sends
 * declarations over https to a partner whose certificate it trusts (the partner's tls-truststore)
 * and that names the host it called, and to no other.
 */
class SoapTlsTest {

    private static final String RECORD = "demo-declarant:YX20261120143005001";

    private static Map<String, String> tlsOn(TlsKeys server, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("adapter.tls.enabled", "true");
        settings.put("adapter.tls.keystore", server.keystore().toString());
        settings.put("adapter.tls.keystore-password", server.password());
        return settings;
    }

    @Test
    void the_service_answers_over_tls_and_not_in_plain_text(@TempDir Path data) throws Exception {
        TlsKeys server = TlsKeys.server(data.resolve("keys"), "adapter");
        try (TestAdapter adapter = new TestAdapter(data.resolve("adapter"), tlsOn(server, Map.of(
                "adapter.soap.partners", "DE-ZOLL",
                "adapter.soap.partner.DE-ZOLL.username", "de-zoll",
                "adapter.soap.partner.DE-ZOLL.password", "test-secret-de",
                "adapter.egress.ceb.cop-code", "3120966888",
                "adapter.egress.ceb.cop-name", "上海通关报关代理有限公司",
                "adapter.egress.ceb.dxp-id", "DXPENT0000966888")))) {
            String declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"));
            String envelope = SoapEnvelopes.secured(declaration, "de-zoll", "test-secret-de", null);
            HttpClient https = HttpClient.newBuilder().sslContext(TlsKeys.context(server, null)).build();

            HttpResponse<String> r = SoapEnvelopes.post(https, adapter.soapAddress().replace("http:", "https:"), "submitDeclaration", envelope);

            assertEquals(200, r.statusCode(), r.body());
            assertTrue(SoapBodies.body(r.body()).contains("<FunctionCode>01</FunctionCode>"), r.body());
            assertThrows(IOException.class, () -> SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration", envelope));
        }
    }

    @Test
    void declarations_go_over_tls_to_a_partner_the_adapter_trusts(@TempDir Path data) throws Exception {
        TlsKeys server = TlsKeys.server(data.resolve("keys"), "adapter");
        TlsKeys theirs = TlsKeys.server(data.resolve("keys"), "cn-gacc");
        ExchangeKeys ours = ExchangeKeys.generate(data.resolve("keys"), "signing");
        try (OverseasCustoms customs = new OverseasCustoms(PackagedAdapter.freePort(), "wco-ecom-adapter", "test-secret-out")
                .trusting(ours).tls(theirs).start();
             TestAdapter adapter = new TestAdapter(data.resolve("adapter"), tlsOn(server, SoapPartners.chinaCustoms(customs.address(), ours,
                     Map.of("adapter.soap.partner.CN-GACC.tls-truststore", theirs.truststore().toString(),
                             "adapter.soap.partner.CN-GACC.tls-truststore-password", theirs.password()))))) {
            assertTrue(customs.address().startsWith("https:"));
            adapter.send("partner.demo-declarant.in", Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));

            Waits.until(() -> !customs.received().isEmpty(), "the declaration reached the overseas customs over TLS");
            assertTrue(adapter.take("partner.demo-declarant.receipts", "AdapterRecordId = '" + RECORD + "' AND AdapterReceiptFormat = 'ceb622'",
                    TestAdapter.WAIT).isPresent(), "its answer was relayed");
        }
    }

    /** Its certificate is trusted (the tls-truststore holds it), but it names elsewhere.example, not 127.0.0.1. */
    @Test
    void a_partner_whose_certificate_names_another_host_gets_nothing(@TempDir Path data) throws Exception {
        TlsKeys server = TlsKeys.server(data.resolve("keys"), "adapter");
        TlsKeys elsewhere = TlsKeys.serverElsewhere(data.resolve("keys"), "impostor");
        ExchangeKeys ours = ExchangeKeys.generate(data.resolve("keys"), "signing");
        try (OverseasCustoms impostor = new OverseasCustoms(PackagedAdapter.freePort(), "wco-ecom-adapter", "test-secret-out")
                .trusting(ours).tls(elsewhere).start();
             TestAdapter adapter = new TestAdapter(data.resolve("adapter"), tlsOn(server, SoapPartners.chinaCustoms(impostor.address(), ours,
                     Map.of("adapter.soap.partner.CN-GACC.tls-truststore", elsewhere.truststore().toString(),
                             "adapter.soap.partner.CN-GACC.tls-truststore-password", elsewhere.password(),
                             "adapter.soap.egress.redelivery-delay", "200",
                             "adapter.soap.egress.max-redeliveries", "1"))))) {
            adapter.send("partner.demo-declarant.in", Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));

            var dead = adapter.take("DLQ.exchange.declaration", null, TestAdapter.WAIT)
                    .orElseThrow(() -> new AssertionError("the declaration was not given up on"));
            assertEquals(RECORD, dead.getStringProperty("AdapterRecordId"));
            assertEquals(0, impostor.calls(), "nothing reached a host that is not the one called");
        }
    }
}
