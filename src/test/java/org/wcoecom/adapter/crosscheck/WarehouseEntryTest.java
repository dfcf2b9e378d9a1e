package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
 * Import warehouse-entry detail lists (CEB711) on a real adapter: the operator of a customs supervised
 * site (role warehouse) lists the parcels it received under a bill. A list whose every parcel is a
 * waybill the adapter forwarded (the carrier's CEB511) is accepted and forwarded to customs as a signed
 * CEB711, and customs' receipt (CEB712) comes back to the operator; a list naming a waybill the adapter
 * never forwarded is refused in a CEB712 naming the parcel's path (LST-NO-WAYBILL). A partner of
 * another role may not send one, even with ceb711 among its formats.
 */
class WarehouseEntryTest {

    private static final String SITE = "demo-site";

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        String partners = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8)
                // a carrier that also lists ceb711 among its formats: its role still does not let it
                .replace("formats: [ceb511, ceb513]", "formats: [ceb511, ceb513, ceb711]")
                + """
                  - id: demo-site
                    name: A customs supervised site's operator
                    role: warehouse
                    senderCodes: ["3120969001"]
                    formats: [ceb711]
                    receiptFormat: ceb712
                """;
        Files.writeString(data.resolve("partners.yaml"), partners, StandardCharsets.UTF_8);
        adapter = new TestAdapter(data, Map.of("adapter.signature.partner.demo-site.certificates",
                PartnerSigning.declarant().pem().toString()));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void a_list_of_forwarded_waybills_is_forwarded_and_customs_receipt_relayed() throws Exception {
        String waybill = forwardedWaybill();
        String bill = "999-" + key();
        HttpResponse<String> response = adapter.post(list(bill, waybill), SITE);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("CEB712Message", Xml.value(engine.valid(Messages.utf8(response.body())), "local-name(/*)"));
        byte[] forwarded = Messages.utf8(TestAdapter.text(adapter.forwarded(SITE + ":" + bill)));
        XdmNode ceb711 = engine.valid(forwarded);
        assertEquals("CEB711Message", Xml.value(ceb711, "local-name(/*)"));
        assertEquals(List.of(waybill), Xml.values(ceb711, "//ceb:DeliveryList/ceb:logisticsNo"));
        assertEquals("1", Xml.value(ceb711, "count(/*/*:Signature)"), "signed by the adapter");
        var official = Project.officialCebSchema("ceb711"); // skipped when ../shared/reference is absent
        assertEquals(List.of(), Xml.errors(official, forwarded));

        String copNo = "RK" + bill.replaceAll("[^0-9]", "");
        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB712Message xmlns="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <DeliveryReturn>
                    <guid>%s</guid>
                    <customsCode>2244</customsCode>
                    <operatorCode>3120969001</operatorCode>
                    <copNo>%s</copNo>
                    <rkdNo>224420261121000007</rkdNo>
                    <returnStatus>120</returnStatus>
                    <returnTime>20261121234010112</returnTime>
                    <returnInfo>[Code:1800;Desc:逻辑校验通过]</returnInfo>
                  </DeliveryReturn>
                </CEB712Message>
                """.formatted(guid(), guid(), copNo).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        var relayed = adapter.take("partner." + SITE + ".receipts", "AdapterRecordId = '" + SITE + ":" + bill + "'", TestAdapter.WAIT);
        assertTrue(relayed.isPresent(), "customs' CEB712 was not relayed to the site's operator");
        XdmNode ceb712 = engine.valid(Messages.utf8(TestAdapter.text(relayed.get())));
        assertEquals("120", Xml.value(ceb712, "//ceb:returnStatus"));
        assertEquals("224420261121000007", Xml.value(ceb712, "//ceb:rkdNo"));
    }

    @Test
    void a_list_naming_a_waybill_the_adapter_never_forwarded_is_refused() throws Exception {
        String waybill = forwardedWaybill();
        String unknown = "HGKY" + key() + "9";
        String bill = "999-" + key();
        HttpResponse<String> response = adapter.post(list(bill, waybill, unknown), SITE);

        assertEquals(400, response.statusCode(), response.body());
        XdmNode ceb712 = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB712Message", Xml.value(ceb712, "local-name(/*)"));
        String info = String.join(" ", Xml.values(ceb712, "//ceb:returnInfo"));
        assertTrue(info.contains("LST-NO-WAYBILL /"), info);
        assertTrue(info.contains("/ConsignmentList/HouseConsignment[2]/TransportDocument"), "the second parcel: " + info);
        assertTrue(!info.contains("HouseConsignment[1]"), "the forwarded waybill is no error: " + info);
        assertTrue(adapter.takeForwarded(SITE + ":" + bill, Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void only_a_supervised_site_operator_may_send_a_list() throws Exception {
        String waybill = forwardedWaybill();
        String bill = "999-" + key();
        String list = new String(list(bill, waybill), StandardCharsets.UTF_8).replace("3120969001", "3120968001");
        HttpResponse<String> response = adapter.post(PartnerSigning.declarant().sign(Messages.utf8(list)), "demo-logistics");

        assertEquals(400, response.statusCode(), response.body());
        String info = String.join(" ", Xml.values(engine.valid(Messages.utf8(response.body())), "//ceb:returnInfo"));
        assertTrue(info.contains("may not send ceb711"), info);
        assertTrue(adapter.takeForwarded("demo-logistics:" + bill, Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    // --- the carrier and the site -------------------------------------------------------------

    /** A CEB511 waybill the carrier sends, once the adapter forwarded it: its number. */
    private String forwardedWaybill() throws Exception {
        String logisticsNo = "HGKY" + key();
        HttpResponse<String> sent = adapter.post(Messages.utf8(fresh(Messages.waybill(Messages.orderNo("WE"), logisticsNo))),
                "demo-logistics");
        assertEquals(200, sent.statusCode(), sent.body());
        adapter.forwarded("demo-logistics:" + logisticsNo);
        return logisticsNo;
    }

    /** The site's list of the parcels under a bill, signed with its key. */
    private static byte[] list(String bill, String... waybills) {
        StringBuilder parcels = new StringBuilder();
        for (int i = 0; i < waybills.length; i++) {
            parcels.append("<ceb:DeliveryList><ceb:gnum>").append(i + 1).append("</ceb:gnum><ceb:logisticsNo>")
                    .append(waybills[i]).append("</ceb:logisticsNo></ceb:DeliveryList>");
        }
        String xml = fresh(Project.read(Project.examples("ceb711").resolve("warehouse-entry-minimal.xml")))
                .replace("<ceb:billNo>999-20261120</ceb:billNo>", "<ceb:billNo>" + bill + "</ceb:billNo>")
                .replace("<ceb:customsCode>2244</ceb:customsCode>", "<ceb:customsCode>2244</ceb:customsCode><ceb:copNo>RK"
                        + bill.replaceAll("[^0-9]", "") + "</ceb:copNo>")
                .replaceAll("(?s)<ceb:DeliveryList>.*</ceb:DeliveryList>", parcels.toString());
        return PartnerSigning.declarant().sign(Messages.utf8(xml));
    }

    private static String key() {
        return Long.toString(System.nanoTime() % 10_000_000_000L);
    }

    private static String fresh(String xml) {
        return xml.replaceAll("guid=\"[0-9A-F-]{36}\"", "guid=\"" + guid() + "\"")
                .replaceAll("<ceb:guid>[0-9A-F-]{36}</ceb:guid>", "<ceb:guid>" + guid() + "</ceb:guid>");
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
