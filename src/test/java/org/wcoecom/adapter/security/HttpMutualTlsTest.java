package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.TlsKeys;

/**
 * HTTP over TLS, with mutual TLS for the partners configured with client certificates: plain HTTP
 * is not served; a partner without a certificate is heard by its API key; a partner with one is
 * heard by it alone, never by its key alone; a certificate nobody configured fails the handshake,
 * and one partner's certificate never sends as another.
 */
class HttpMutualTlsTest {

    @TempDir
    static Path data;
    static TestAdapter adapter;
    static TlsKeys server;
    static TlsKeys payment;
    static TlsKeys logistics;
    static TlsKeys stranger;

    @BeforeAll
    static void start() throws Exception {
        Path keys = data.resolve("keys");
        server = TlsKeys.server(keys, "adapter");
        payment = TlsKeys.client(keys, "demo-payment");
        logistics = TlsKeys.client(keys, "demo-logistics");
        stranger = TlsKeys.client(keys, "stranger");
        adapter = new TestAdapter(data.resolve("adapter"), Map.of(
                "adapter.tls.enabled", "true",
                "adapter.tls.keystore", server.keystore().toString(),
                "adapter.tls.keystore-password", server.password(),
                "adapter.http.partner.demo-payment.client-certificates", payment.certificate().toString(),
                "adapter.http.partner.demo-logistics.client-certificates", logistics.certificate().toString()));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    private static HttpResponse<String> post(TlsKeys clientKey, byte[] body, String apiKey, String partnerHeader) throws Exception {
        SSLContext tls = TlsKeys.context(server, clientKey);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + adapter.httpPort() + "/api/v1/messages"))
                .timeout(TestAdapter.WAIT).header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (partnerHeader != null) {
            request.header("X-Partner-Id", partnerHeader);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] payment(String transactionId) {
        return Messages.utf8(Messages.payment(Messages.orderNo("MTLS"), transactionId));
    }

    @Test
    void plain_http_is_not_served() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.httpPort() + "/api/v1/messages"))
                .timeout(Duration.ofSeconds(10)).header("X-Api-Key", adapter.apiKey("demo-platform"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Messages.utf8(Messages.single(Messages.orderNo("PLAIN"))))).build();
        assertThrows(IOException.class, () -> plain.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void a_partner_without_a_certificate_is_heard_by_its_key_over_tls() throws Exception {
        String orderNo = Messages.orderNo("TLS-KEY");
        HttpResponse<String> r = post(null, Messages.utf8(Messages.single(orderNo)), adapter.apiKey("demo-platform"), null);
        assertEquals(200, r.statusCode(), r.body());
        adapter.forwarded("demo-platform:" + orderNo);
    }

    @Test
    void a_partner_with_a_certificate_is_heard_by_it_alone() throws Exception {
        String tx = Messages.orderNo("TX-MTLS");
        HttpResponse<String> r = post(payment, payment(tx), null, null);
        assertEquals(200, r.statusCode(), r.body());
        adapter.forwarded("demo-payment:" + tx);
    }

    @Test
    void the_key_of_a_partner_with_a_certificate_is_not_enough() throws Exception {
        HttpResponse<String> r = post(null, payment(Messages.orderNo("TX-KEYONLY")), adapter.apiKey("demo-payment"), null);
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("client certificate"), r.body());
    }

    @Test
    void a_certificate_nobody_configured_fails_the_handshake() {
        assertThrows(IOException.class, () -> post(stranger, payment(Messages.orderNo("TX-STRANGER")), null, null));
    }

    @Test
    void one_partners_certificate_never_sends_as_another() throws Exception {
        String tx = Messages.orderNo("TX-AS-OTHER");
        assertEquals(403, post(payment, payment(tx), null, "demo-logistics").statusCode(), "under another partner's name");
        assertEquals(403, post(payment, payment(tx), adapter.apiKey("demo-platform"), null).statusCode(), "with another partner's key");
        assertEquals(403, post(logistics, payment(tx), adapter.apiKey("demo-payment"), null).statusCode(),
                "another partner's certificate with the partner's key");
        assertTrue(adapter.takeForwarded("demo-payment:" + tx, Duration.ofSeconds(2)).isEmpty(), "nothing forwarded");
        assertTrue(adapter.takeForwarded("demo-logistics:" + tx, Duration.ofSeconds(1)).isEmpty(), "nothing forwarded");
    }

    @Test
    void a_partners_certificate_and_its_own_key_together_are_heard() throws Exception {
        String tx = Messages.orderNo("TX-BOTH");
        HttpResponse<String> r = post(payment, payment(tx), adapter.apiKey("demo-payment"), "demo-payment");
        assertEquals(200, r.statusCode(), r.body());
        adapter.forwarded("demo-payment:" + tx);
    }
}
