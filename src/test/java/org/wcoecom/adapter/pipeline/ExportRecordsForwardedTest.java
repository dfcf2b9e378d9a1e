package org.wcoecom.adapter.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.PartnerSigning;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Export records travel as what they are: an export order is a canonical Order like an import one,
 * but it has an address of its own (mappings/routing.yaml) and leaves for customs as a CEB303, never
 * as an import CEB311; the receipt of payment as a CEB403, the export waybill as a CEB505. What
 * leaves is valid against our schema and against the official export schema.
 */
class ExportRecordsForwardedTest {

    static final String EXPORT_PARTNERS = """
              - id: export-platform
                name: An export platform
                role: platform
                senderCodes: ["4403966101"]
                formats: [ceb303]
                receiptFormat: ceb304
              - id: export-payment
                name: An export payment enterprise
                role: payment
                senderCodes: ["4403980201"]
                formats: [ceb403]
                receiptFormat: ceb404
              - id: export-logistics
                name: An export carrier
                role: logistics
                senderCodes: ["4403968301"]
                formats: [ceb505]
                receiptFormat: ceb506
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
        // the bundled partners (the test settings name them) and three allowed to send export formats
        String bundled = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("partners.yaml"), bundled + EXPORT_PARTNERS, StandardCharsets.UTF_8);
        // the export declaring agent signs with the test declarant key
        adapter = new TestAdapter(data, java.util.Map.of("adapter.signature.partner.export-declarant.certificates",
                PartnerSigning.declarant().pem().toString()));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void an_export_order_is_accepted_over_http_and_forwarded_as_a_ceb303() throws Exception {
        HttpResponse<String> response = adapter.post(
                Project.bytes(Project.examples("ceb303").resolve("order-multi.xml")), "export-platform");

        assertEquals(200, response.statusCode(), response.body());
        XdmNode receipt = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB304Message", Xml.value(receipt, "local-name(/*)"));
        assertEquals(List.of("EX20261124110203001", "B2B-20261124-0042", "OW-DE-2026-000815"),
                Xml.values(receipt, "//ceb:OrderReturn/ceb:orderNo"));
        assertEquals(List.of("2"), Xml.values(receipt, "//ceb:returnStatus").stream().distinct().toList());

        for (String orderNo : List.of("EX20261124110203001", "B2B-20261124-0042", "OW-DE-2026-000815")) {
            XdmNode out = engine.valid(TestAdapter.text(adapter.forwarded("export-platform:" + orderNo)).getBytes(StandardCharsets.UTF_8));
            assertEquals("CEB303Message", Xml.value(out, "local-name(/*)"), orderNo + " left in another format");
            assertEquals(orderNo, Xml.value(out, "//ceb:OrderHead/ceb:orderNo"));
        }
        assertTrue(adapter.browseForwarded().stream().noneMatch(m -> m.contains("CEB311Message")), "an export order left as a CEB311");
    }

    @Test
    void a_receipt_of_payment_and_an_export_waybill_leave_as_ceb403_and_ceb505() throws Exception {
        assertEquals(200, adapter.post(Project.bytes(Project.examples("ceb403").resolve("payment-minimal.xml")), "export-payment")
                .statusCode());
        assertEquals(200, adapter.post(Project.bytes(Project.examples("ceb505").resolve("waybill-minimal.xml")), "export-logistics")
                .statusCode());

        XdmNode payment = engine.valid(TestAdapter.text(adapter.forwarded("export-payment:4403966102/EX20261124101500001"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("CEB403Message", Xml.value(payment, "local-name(/*)"));
        XdmNode waybill = engine.valid(TestAdapter.text(adapter.forwarded("export-logistics:XD2026112400000001CN"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("CEB505Message", Xml.value(waybill, "local-name(/*)"));
    }

    @Test
    void the_forwarded_ceb303_is_valid_against_the_official_export_schema() throws Exception {
        var official = Project.officialCebSchema("ceb303"); // skipped when ../shared/reference is absent
        assertEquals(200, adapter.post(Project.bytes(Project.examples("ceb303").resolve("order-chinese-text.xml")), "export-platform")
                .statusCode());
        String orderNo = Xml.value(engine.valid(Project.bytes(Project.examples("ceb303").resolve("order-chinese-text.xml"))),
                "//ceb:OrderHead[1]/ceb:orderNo");
        byte[] out = TestAdapter.text(adapter.forwarded("export-platform:" + orderNo)).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), Xml.errors(official, out));
    }

    @Test
    void a_signed_export_inventory_of_a_declarant_leaves_as_a_ceb603_and_an_unsigned_one_is_refused() throws Exception {
        byte[] inventory = Project.bytes(Project.examples("ceb603").resolve("inventory-minimal.xml"));
        HttpResponse<String> unsigned = adapter.post(PartnerSigning.unsigned(inventory), "export-declarant");
        assertEquals(400, unsigned.statusCode(), unsigned.body());
        assertEquals("CEB604Message", Xml.value(engine.valid(Messages.utf8(unsigned.body())), "local-name(/*)"));
        assertTrue(unsigned.body().contains("[Code:1001;") && unsigned.body().contains("not signed"), unsigned.body());

        HttpResponse<String> signed = adapter.post(PartnerSigning.declarant().sign(inventory), "export-declarant");
        assertEquals(200, signed.statusCode(), signed.body());
        XdmNode out = engine.valid(TestAdapter.text(adapter.forwarded("export-declarant:QD20261124140000001"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("CEB603Message", Xml.value(out, "local-name(/*)"));
        assertEquals("1", Xml.value(out, "count(/*/*:Signature)"), "signed by the adapter");
    }
}
