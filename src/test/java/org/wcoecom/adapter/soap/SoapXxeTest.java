package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.SoapBodies;
import org.wcoecom.adapter.support.SoapEnvelopes;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The SOAP channel too: an envelope with an external entity naming a local file is refused, and the
 * file's content is neither answered nor forwarded.
 */
class SoapXxeTest {

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
    void an_external_entity_in_a_soap_envelope_never_leaks() throws Exception {
        String secret = "TOP-SECRET-SOAP-" + System.nanoTime();
        Path file = Files.writeString(data.resolve("secret.txt"), secret);
        String declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"))
                .replaceFirst("<Name>王小明</Name>", "<Name>&xxe;</Name>");
        String envelope = SoapEnvelopes.secured(declaration.replace("&xxe;", "XXE-PLACEHOLDER"), "de-zoll", "test-secret-de", null)
                .replace("XXE-PLACEHOLDER", "&xxe;");
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>\n"
                + envelope.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");

        HttpResponse<String> response = SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration", hostile);

        assertFalse(response.body().contains(secret), "the file's content came back: " + response.body());
        assertTrue(SoapBodies.isFault(response.body()) || response.statusCode() >= 400, response.statusCode() + " " + response.body());
        for (String forwarded : adapter.browseForwarded()) {
            assertFalse(forwarded.contains(secret), "forwarded: " + forwarded);
        }
        assertTrue(adapter.takeForwarded("DE-ZOLL:DE-ORD-2026-004711", Duration.ofSeconds(2)).isEmpty(), "nothing forwarded");
    }
}
