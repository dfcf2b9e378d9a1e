package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.PackagedAdapter;

/**
 * Text a partner controls (a value the schema refuses, a file name) cannot forge log lines in the
 * packaged adapter's log: line breaks are written as \n.
 */
class LogForgingIT {

    private static final String FORGED = "09:00:00.000 ERROR Forged                       the adapter was compromised";

    @Test
    void partner_text_cannot_start_a_log_line(@TempDir Path data) throws Exception {
        int http = PackagedAdapter.freePort();
        try (PackagedAdapter adapter = PackagedAdapter.start(List.of("run", "--data", data.toString(), "--http-port",
                String.valueOf(http), "--broker-port", String.valueOf(PackagedAdapter.freePort())))) {
            assertTrue(adapter.awaitLine("wco-ecom-adapter is running", Duration.ofSeconds(120)), adapter.output());
            String orderNo = Messages.orderNo("FORGE");
            String order = Messages.single(orderNo).replace("<ceb:orderType>I</ceb:orderType>",
                    "<ceb:orderType>I\n" + FORGED + "</ceb:orderType>");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                            + "/api/v1/messages")).header("X-Api-Key", PackagedAdapter.secret(data, "demo-platform.api-key"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Messages.utf8(order))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(400, r.statusCode(), r.body());

            Path inbox = data.resolve("inbox/demo-platform");
            Files.createDirectories(inbox);
            Path hidden = inbox.resolve(".forged.xml");
            Files.writeString(hidden, "not xml");
            Files.move(hidden, inbox.resolve("x\n" + FORGED + ".xml"));

            // the file is answered (its receipt named after it) like any other
            assertTrue(org.wcoecom.adapter.support.Outbox.await(data.resolve("outbox/demo-platform"), FORGED, Duration.ofSeconds(30))
                    .isPresent(), "the file was not answered\n" + adapter.output());
            String log = adapter.output();
            for (String line : adapter.lines()) {
                assertTrue(!line.startsWith("09:00:00.000"), "a forged line:\n" + line);
            }
            assertTrue(log.contains("\\n" + FORGED), "the break is shown as \\n:\n" + log);
            adapter.terminate(Duration.ofSeconds(60));
        }
    }
}
