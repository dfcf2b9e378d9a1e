package org.wcoecom.adapter.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Export records are read and written, but the pipeline has no route for them yet (the import
 * egress would write an export order as a CEB311, the three-document check would wait for an import
 * payment), and kinds.yaml names no forward for them: even a partner allowed to send export formats is refused as not accepted, answered in its
 * own receipt format with its records' keys, and nothing of it is forwarded.
 */
class ExportRecordsNotYetAcceptedTest {

    private static final String EXPORT_PARTNERS = """
              - id: export-platform
                name: An export platform
                role: platform
                senderCodes: ["4403966101"]
                formats: [ceb303]
                receiptFormat: ceb304
              - id: export-declarant
                name: An export declaring agent
                role: declarant
                senderCodes: ["4403966888"]
                formats: [ceb603]
                receiptFormat: ceb604
            """;

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        // the bundled partners (the test settings name them) and two allowed to send export formats
        String bundled = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("partners.yaml"), bundled + EXPORT_PARTNERS, StandardCharsets.UTF_8);
        adapter = new TestAdapter(data);
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void an_export_order_is_answered_in_a_ceb304_and_not_forwarded() throws Exception {
        HttpResponse<String> response = adapter.post(
                Project.bytes(Project.examples("ceb303").resolve("order-multi.xml")), "export-platform");

        assertEquals(400, response.statusCode(), response.body());
        XdmNode receipt = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB304Message", Xml.value(receipt, "local-name(/*)"));
        assertEquals(List.of("EX20261124110203001", "B2B-20261124-0042", "OW-DE-2026-000815"),
                Xml.values(receipt, "//ceb:OrderReturn/ceb:orderNo"));
        assertEquals(List.of("4403966101", "4403966101", "无"), Xml.values(receipt, "//ceb:OrderReturn/ceb:ebpCode"));
        assertEquals(List.of("-301008"), Xml.values(receipt, "//ceb:returnStatus").stream().distinct().toList());
        String info = Xml.value(receipt, "//ceb:OrderReturn[1]/ceb:returnInfo");
        assertTrue(info.startsWith("[Code:0001;") && info.contains("export-order (format ceb303) are not accepted yet"), info);
        for (String orderNo : List.of("EX20261124110203001", "B2B-20261124-0042", "OW-DE-2026-000815")) {
            assertTrue(adapter.takeForwarded("export-platform:" + orderNo, Duration.ofMillis(500)).isEmpty(),
                    orderNo + " was forwarded");
        }
    }

    @Test
    void an_export_inventory_is_answered_in_a_ceb604() throws Exception {
        HttpResponse<String> response = adapter.post(
                Project.bytes(Project.examples("ceb603").resolve("inventory-minimal.xml")), "export-declarant");

        assertEquals(400, response.statusCode(), response.body());
        XdmNode receipt = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB604Message", Xml.value(receipt, "local-name(/*)"));
        assertEquals("QD20261124140000001", Xml.value(receipt, "//ceb:copNo"));
        assertEquals("A", Xml.value(receipt, "//ceb:statisticsFlag"));
        assertEquals("-621001", Xml.value(receipt, "//ceb:returnStatus"));
    }
}
