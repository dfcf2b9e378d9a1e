package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.ProjectCopy;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * An integration engineer onboards a carrier's own XML status notices with the packaged jar alone
 * (no Java, no Maven): {@code format new} from the carrier's published schema (kept outside the
 * project, named through the schema catalog), a scripted edit of the stylesheet and format.yaml,
 * {@code format check} (the golden file's differences, then {@code --update} after review), the
 * carrier's entry in the partners file of the data folder, a restart, a notice posted over HTTP with
 * the carrier's API key: the carrier gets its receipt, customs gets a valid CEB513, and a notice the
 * mapping refuses is answered with the element at fault.
 */
class FormatOnboardingIT {

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    @TempDir
    Path data;

    @Test
    void a_new_partner_format_from_schema_to_customs_through_the_command_line_only() throws Exception {
        ProjectCopy.into(home);
        Path schema = ProjectCopy.carrierSchema(elsewhere);
        Path config = elsewhere.resolve("adapter.properties");
        // the adapter transmits the carrier's records to customs under its own name (CEB BaseTransfer)
        ProjectCopy.write(config, """
                adapter.egress.ceb.cop-code = 3120999001
                adapter.egress.ceb.cop-name = Cross-border hub operator
                adapter.egress.ceb.dxp-id = DXPHUB0000999001
                adapter.partners.reload-interval = 1000
                """);
        List<String> common = List.of("--home", home.toString(), "--config", config.toString());
        int httpPort = PackagedAdapter.freePort();
        int brokerPort = PackagedAdapter.freePort();
        List<String> run = new ArrayList<>(List.of("run", "--data", data.toString(), "--http-port", String.valueOf(httpPort),
                "--broker-port", String.valueOf(brokerPort)));
        run.addAll(common);

        // the adapter runs as before; its partners file appears in the data folder
        try (PackagedAdapter before = PackagedAdapter.start(run)) {
            assertTrue(before.awaitLine("wco-ecom-adapter is running", Duration.ofSeconds(120)), before.output());
            assertTrue(Files.isRegularFile(data.resolve("partners.yaml")), before.output());
            assertTrue(before.terminate(Duration.ofSeconds(60)), before.output());
        }

        // 1. the skeleton
        Result created = jar(args(List.of("format", "new", "acme-status", "--kind", "status", "--root", ProjectCopy.CARRIER_ROOT,
                "--schema", schema.toString(), "--receipt-format", "ceb514"), common));
        assertEquals(0, created.exit, created.output);
        Result fresh = jar(args(List.of("format", "check", "acme-status"), common));
        assertEquals(0, fresh.exit, fresh.output);

        // 2. the mapping, as a scripted edit: the carrier's values instead of the placeholders
        Path folder = home.resolve("mappings/acme-status");
        Path xsl = folder.resolve("to-canonical.xsl");
        ProjectCopy.edit(xsl, "TODO-waybill-number", "<xsl:value-of select=\"*:TrackingNo\"/>");
        ProjectCopy.edit(xsl, "TODO-carrier-name", "<xsl:value-of select=\"*:Carrier/*:Name\"/>");
        ProjectCopy.edit(xsl, "<c:Identifier scheme=\"CN-CUSTOMS\">TODO</c:Identifier>",
                "<c:Identifier scheme=\"CN-CUSTOMS\"><xsl:value-of select=\"*:Carrier/*:CustomsCode\"/></c:Identifier>");
        ProjectCopy.edit(xsl, "<c:Status scheme=\"CEB-LOGISTICS-STATUS\" sourceCode=\"S\">DELIVERED</c:Status><!-- TODO -->",
                "<c:Status scheme=\"CEB-LOGISTICS-STATUS\" sourceCode=\"S\"><xsl:value-of select=\"if (*:Status = 'DLV') then 'DELIVERED'"
                        + " else error(xs:QName('err:VALUE_INVALID'), 'status ' || *:Status || ' has no CEB513 code (DLV, delivered, only)', *:Status)\"/></c:Status>");
        ProjectCopy.edit(xsl, "<c:EventDateTime>2026-01-01T00:00:00</c:EventDateTime><!-- TODO -->",
                "<c:EventDateTime><xsl:value-of select=\"*:EventTime\"/></c:EventDateTime>");
        ProjectCopy.edit(xsl, "<c:IssueDateTime>2026-01-01T00:00:00</c:IssueDateTime><!-- TODO: when the sender issued the message -->",
                "<c:IssueDateTime><xsl:value-of select=\"*:EventTime\"/></c:IssueDateTime>");
        String text = ProjectCopy.read(xsl);
        ProjectCopy.write(xsl, text.substring(0, text.indexOf("<!-- TODO: the sender that transmits"))
                + text.substring(text.indexOf("</c:Transmission>") + "</c:Transmission>".length()));
        Path yaml = folder.resolve("format.yaml");
        ProjectCopy.edit(yaml, "key: \"*:Carrier/*:CustomsCode\"", "key: \"concat(*:TrackingNo, '/', *:Status)\"");
        ProjectCopy.edit(yaml, "# sender: \"*:Header/*:SenderCode\"", "sender: \"*:Carrier/*:CustomsCode\"");
        ProjectCopy.edit(yaml, "references: {}", """
                references:
                    WAYBILL_NUMBER: "*:TrackingNo"
                    LOGISTICS_CODE: "*:Carrier/*:CustomsCode"
                  senderReferences: [LOGISTICS_CODE]""");

        // 3. the check shows what changed; after review the golden file is rewritten
        Result changed = jar(args(List.of("format", "check", "acme-status"), common));
        assertEquals(1, changed.exit, changed.output);
        assertTrue(changed.output.contains("/StatusEvent[1]/TransportDocument[1]/text()[1]: expected 'TODO-waybill-number', got 'TrackingNo'"),
                changed.output);
        assertEquals(0, jar(args(List.of("format", "check", "acme-status", "--update"), common)).exit);
        Result checked = jar(args(List.of("format", "check", "acme-status"), common));
        assertEquals(0, checked.exit, checked.output);
        assertTrue(checked.output.contains("ok      examples/acme-status-example.xml can be forwarded as ceb513"), checked.output);

        // 4. the carrier's entry in the partners file
        Path partners = data.resolve("partners.yaml");
        Files.writeString(partners, Files.readString(partners, StandardCharsets.UTF_8) + """
                  - id: acme-carrier
                    name: ACME Express (status notices in its own format)
                    role: logistics
                    senderCodes: ["3120968005"]
                    formats: [acme-status]
                    receiptFormat: ceb514
                """, StandardCharsets.UTF_8);

        // 5. restart (a new format is read at start), 6. the carrier posts over HTTP
        try (PackagedAdapter adapter = PackagedAdapter.start(run)) {
            // the banner's last line: the lines that list the formats come before it, not before the first
            assertTrue(adapter.awaitLine("Ctrl-C stops it.", Duration.ofSeconds(120)), adapter.output());
            assertTrue(adapter.output().contains("acme-status"), "the new format is listed\n" + adapter.output());
            String key = PackagedAdapter.secret(data, "acme-carrier.api-key");
            String trackingNo = "ACME" + System.currentTimeMillis();
            HttpResponse<String> accepted = post(httpPort, key,
                    ProjectCopy.carrierNotice("3120968005", trackingNo, "DLV", "2026-11-23T10:15:00", 2));
            assertEquals(200, accepted.statusCode(), accepted.body() + "\n" + adapter.output());
            var receipt = new Translations().valid(accepted.body().getBytes(StandardCharsets.UTF_8));
            assertEquals("2", Xml.value(receipt, "//ceb:returnStatus"), accepted.body());
            assertEquals(trackingNo, Xml.value(receipt, "//ceb:logisticsNo"), accepted.body());

            // 7. customs gets it as CEB513, sent by the hub
            try (ActiveMQConnectionFactory customs = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort, "customs",
                    PackagedAdapter.secret(data, "customs.broker-password"));
                 Connection c = customs.createConnection()) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                try (MessageConsumer out = s.createConsumer(s.createQueue("customs.ceb.out"),
                        "AdapterRecordId = 'acme-carrier:" + trackingNo + "/DLV'")) {
                    Message m = out.receive(TimeUnit.SECONDS.toMillis(60));
                    assertNotNull(m, "nothing forwarded\n" + adapter.output());
                    byte[] body = m.getBody(byte[].class);
                    var ceb513 = new Translations().valid(body);
                    assertEquals(trackingNo, Xml.value(ceb513, "//ceb:logisticsNo"));
                    assertEquals("3120968005", Xml.value(ceb513, "//ceb:logisticsCode"));
                    assertEquals("S", Xml.value(ceb513, "//ceb:logisticsStatus"));
                    assertEquals("3120999001", Xml.value(ceb513, "//ceb:BaseTransfer/ceb:copCode"));
                    assertEquals("1.0", Xml.value(ceb513, "/ceb:CEB513Message/@version"));
                }
            }

            // a notice the mapping refuses: the element at fault, with line and column
            HttpResponse<String> refused = post(httpPort, key,
                    ProjectCopy.carrierNotice("3120968005", trackingNo + "X", "EXC", "2026-11-23T10:16:00", 1));
            assertEquals(400, refused.statusCode(), refused.body());
            String info = Xml.value(new Translations().valid(refused.body().getBytes(StandardCharsets.UTF_8)), "//ceb:returnInfo");
            assertTrue(info.matches("(?s).*\\d+:\\d+ /StatusNotice/Status\\[1] status EXC has no CEB513 code.*"), info);
            // and one from another carrier's code
            HttpResponse<String> impostor = post(httpPort, key,
                    ProjectCopy.carrierNotice("3120968009", trackingNo + "Y", "DLV", "2026-11-23T10:17:00", 1));
            assertEquals(400, impostor.statusCode(), impostor.body());
            assertTrue(impostor.body().contains("/StatusNotice/Carrier[1]/CustomsCode[1]"), impostor.body());
            assertTrue(adapter.terminate(Duration.ofSeconds(60)), adapter.output());
        }
    }

    private static List<String> args(List<String> command, List<String> common) {
        List<String> all = new ArrayList<>(command);
        all.addAll(common);
        return all;
    }

    private static HttpResponse<String> post(int port, String key, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/messages"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/xml").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code java -jar target/wco-ecom-adapter.jar ARGS...}, as the integration engineer types it. */
    private static Result jar(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PackagedAdapter.java(), "-jar", PackagedAdapter.JAR.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(Project.root().toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), String.join(" ", args) + "\n" + output);
    }

    private record Result(int exit, String output) {
    }
}
