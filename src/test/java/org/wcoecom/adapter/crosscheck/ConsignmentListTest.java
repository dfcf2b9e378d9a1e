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
import java.util.concurrent.ThreadLocalRandom;

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
 * Export master/sub waybill lists (CEB607) on a real adapter: a declaring agent files an export
 * inventory (CEB603) through the adapter and customs numbers it (CEB604); the agent's list naming that
 * inventory is accepted and forwarded to customs as a CEB607, and customs' receipt (CEB608) comes back
 * to the agent. A list naming an inventory number the adapter never declared for the agent is refused
 * in a CEB608 naming the parcel's path (LST-NO-INVENTORY), without telling anything of inventories.
 */
class ConsignmentListTest {

    private static final String AGENT = "export-declarant";

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        String bundled = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        String export = """
                  - id: export-declarant
                    name: An export declaring agent
                    role: declarant
                    senderCodes: ["4403966888"]
                    formats: [ceb603, ceb607]
                    receiptFormat: ceb604
                """;
        Files.writeString(data.resolve("partners.yaml"), bundled + export, StandardCharsets.UTF_8);
        adapter = new TestAdapter(data, Map.of("adapter.signature.partner.export-declarant.certificates",
                PartnerSigning.declarant().pem().toString()));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void a_list_of_declared_inventories_is_forwarded_and_customs_receipt_relayed() throws Exception {
        String invtNo = declaredInventory();
        String copNo = "ZF-" + key();
        HttpResponse<String> response = post(list(copNo, invtNo));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("CEB608Message", Xml.value(engine.valid(Messages.utf8(response.body())), "local-name(/*)"));
        byte[] forwarded = Messages.utf8(TestAdapter.text(adapter.forwarded(AGENT + ":" + copNo + "/1")));
        XdmNode ceb607 = engine.valid(forwarded);
        assertEquals("CEB607Message", Xml.value(ceb607, "local-name(/*)"));
        assertEquals(List.of(invtNo), Xml.values(ceb607, "//ceb:WayBillList/ceb:invtNo"));
        var official = Project.officialCebSchema("ceb607"); // skipped when ../shared/reference is absent
        assertEquals(List.of(), Xml.errors(official, forwarded));

        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB608Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <ceb:WayBillReturn>
                    <ceb:guid>%s</ceb:guid>
                    <ceb:agentCode>4403966888</ceb:agentCode>
                    <ceb:logisticsCode>4403960001</ceb:logisticsCode>
                    <ceb:copNo>%s</ceb:copNo>
                    <ceb:preNo>Z20261124000000041</ceb:preNo>
                    <ceb:billNo>YZ-20261124</ceb:billNo>
                    <ceb:msgSeqNo>1</ceb:msgSeqNo>
                    <ceb:returnStatus>399</ceb:returnStatus>
                    <ceb:returnTime>20261124210000000</ceb:returnTime>
                    <ceb:returnInfo>[Code:2600;Desc:审结]</ceb:returnInfo>
                  </ceb:WayBillReturn>
                </ceb:CEB608Message>
                """.formatted(guid(), guid(), copNo).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        var relayed = adapter.take("partner." + AGENT + ".receipts", "AdapterRecordId = '" + AGENT + ":" + copNo + "/1'",
                TestAdapter.WAIT);
        assertTrue(relayed.isPresent(), "customs' CEB608 was not relayed to the agent");
        XdmNode ceb608 = engine.valid(Messages.utf8(TestAdapter.text(relayed.get())));
        assertEquals("399", Xml.value(ceb608, "//ceb:returnStatus"));
        assertEquals(copNo, Xml.value(ceb608, "//ceb:copNo"));
    }

    @Test
    void a_list_naming_an_inventory_the_adapter_never_declared_is_refused() throws Exception {
        String declared = declaredInventory();
        String unknown = invtNo();
        String copNo = "ZF-" + key();
        HttpResponse<String> response = post(list(copNo, declared, unknown));

        assertEquals(400, response.statusCode(), response.body());
        XdmNode ceb608 = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB608Message", Xml.value(ceb608, "local-name(/*)"));
        String info = String.join(" ", Xml.values(ceb608, "//ceb:returnInfo"));
        assertTrue(info.contains("LST-NO-INVENTORY /"), info);
        assertTrue(info.contains("/ConsignmentList/HouseConsignment[2]/Reference[@type='INVENTORY_NUMBER']"), info);
        assertTrue(!info.contains("HouseConsignment[1]"), "the declared inventory is no error: " + info);
        assertTrue(adapter.takeForwarded(AGENT + ":" + copNo + "/1", Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    // --- the declaring agent and customs --------------------------------------------------------

    /** An export inventory the agent filed through the adapter and customs numbered: customs' number. */
    private String declaredInventory() throws Exception {
        String key = key();
        String copNo = "QD-" + key;
        String invtNo = invtNo();
        String inventory = fresh(Project.read(Project.examples("ceb603").resolve("inventory-minimal.xml")))
                .replace("XD2026112400000001CN", "XD" + key + "CN").replace("QD20261124140000001", copNo)
                .replace("EX20261124101500001", "EX-" + key);
        HttpResponse<String> declared = post(inventory);
        assertEquals(200, declared.statusCode(), declared.body());
        adapter.forwarded(AGENT + ":" + copNo);
        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB604Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <ceb:InventoryReturn>
                    <ceb:guid>%s</ceb:guid>
                    <ceb:agentCode>4403966888</ceb:agentCode>
                    <ceb:copNo>%s</ceb:copNo>
                    <ceb:preNo>B20261124000000017</ceb:preNo>
                    <ceb:invtNo>%s</ceb:invtNo>
                    <ceb:ebcCode>4403966102</ceb:ebcCode>
                    <ceb:ebpCode>4403966101</ceb:ebpCode>
                    <ceb:orderNo>EX-%s</ceb:orderNo>
                    <ceb:statisticsFlag>A</ceb:statisticsFlag>
                    <ceb:returnStatus>120</ceb:returnStatus>
                    <ceb:returnTime>20261124160000000</ceb:returnTime>
                    <ceb:returnInfo>[Code:1800;Desc:逻辑校验通过]</ceb:returnInfo>
                  </ceb:InventoryReturn>
                </ceb:CEB604Message>
                """.formatted(guid(), guid(), copNo, invtNo, key).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        // relayed to the agent once the adapter has taken note of customs' number
        assertTrue(adapter.take("partner." + AGENT + ".receipts", "AdapterRecordId = '" + AGENT + ":" + copNo + "'",
                TestAdapter.WAIT).isPresent(), "customs' receipt was not relayed");
        return invtNo;
    }

    /** The agent's list of parcels under a bill, each naming the export inventory it was declared under. */
    private static String list(String copNo, String... invtNos) {
        StringBuilder parcels = new StringBuilder();
        for (int i = 0; i < invtNos.length; i++) {
            parcels.append("<ceb:WayBillList><ceb:gnum>").append(i + 1).append("</ceb:gnum><ceb:logisticsNo>LZ").append(copNo.hashCode() & 0xffff)
                    .append(i).append("CN</ceb:logisticsNo><ceb:invtNo>").append(invtNos[i]).append("</ceb:invtNo></ceb:WayBillList>");
        }
        return fresh(Project.read(Project.examples("ceb607").resolve("list-minimal.xml")))
                .replace("<ceb:copNo>ZF-1</ceb:copNo>", "<ceb:copNo>" + copNo + "</ceb:copNo>")
                .replaceAll("(?s)<ceb:WayBillList>.*</ceb:WayBillList>", parcels.toString());
    }

    /** Signed with the agent's key, as the adapter requires of declarations and verifies on the others. */
    private static HttpResponse<String> post(String xml) throws Exception {
        return adapter.post(PartnerSigning.declarant().sign(Messages.utf8(xml)), AGENT);
    }

    private static String invtNo() {
        return String.format(Locale.ROOT, "53162026E%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
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
