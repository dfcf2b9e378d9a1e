package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.RawHttp;
import org.wcoecom.adapter.support.SoapEnvelopes;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The SOAP service reads no envelope beyond its limit (adapter.soap.max-envelope-bytes), before
 * WS-Security or anything else has built it whole, and does not listen at all while no exchange
 * partner is configured.
 */
class SoapLimitsTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @TempDir
    static Path data;
    static TestAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        adapter = new TestAdapter(data.resolve("adapter"), Map.of(
                "adapter.soap.partners", "DE-ZOLL",
                "adapter.soap.partner.DE-ZOLL.username", "de-zoll",
                "adapter.soap.partner.DE-ZOLL.password", "test-secret-de"));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void an_envelope_of_a_hundred_megabytes_is_refused_without_being_read_whole() throws Exception {
        int port = Integer.parseInt(adapter.soapAddress().replaceAll(".*:(\\d+)/.*", "$1"));
        try (RawHttp http = RawHttp.connect(port)) {
            http.head("POST /ws/exchange HTTP/1.1", "Host: 127.0.0.1", "Content-Type: text/xml; charset=UTF-8",
                    "SOAPAction: \"urn:wco-ecom-adapter:exchange:1:submitDeclaration\"", "Transfer-Encoding: chunked");
            http.writeChunk(("<soap:Envelope xmlns:soap=\"" + SoapEnvelopes.SOAP_NS + "\"><soap:Body>"
                    + "<Declaration xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\"><FunctionCode>9</FunctionCode><Note>")
                    .getBytes(StandardCharsets.UTF_8));
            http.streamForever(true, HUNDRED_MB);

            int status = http.status(Duration.ofSeconds(60));
            assertNotEquals(-1, status, "answered");
            assertNotEquals(200, status, "refused");
            assertNotNull(http.restUntilClosed(Duration.ofSeconds(10)), "the adapter hangs up rather than read on");
            assertTrue(http.writerRefused(Duration.ofSeconds(10)), "the body writer is stopped");
            assertTrue(http.written() < 40L * 1024 * 1024, "read far less than the envelope: " + http.written());
        }
    }

    @Test
    void without_exchange_partners_the_soap_service_does_not_listen(@TempDir Path other) throws Exception {
        try (TestAdapter lonely = new TestAdapter(other, Map.of())) {
            int port = Integer.parseInt(lonely.soapAddress().replaceAll(".*:(\\d+)/.*", "$1"));
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port), 2000));
            }
        }
    }
}
