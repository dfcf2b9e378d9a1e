package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Export arrival (CEB507) and departure (CEB509) reports on a real adapter (Artemis, SQLite, HTTP):
 * a declaring agent files an export inventory (CEB603) through the adapter; the carrier's report of its
 * parcel arriving at a supervised site, then leaving the country, is matched to it and forwarded to
 * customs in its own format. A departure of a parcel that never arrived, and an arrival of a parcel no
 * inventory declared, are refused in the carrier's receipt format naming the rule and the parcel, and
 * are not forwarded.
 */
class ArrivalDepartureTest {

    private static final String CARRIER = "export-logistics";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        String bundled = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        String export = """
                  - id: export-logistics
                    name: An export carrier
                    role: logistics
                    senderCodes: ["4403968301"]
                    formats: [ceb505, ceb507, ceb509]
                    receiptFormat: ceb506
                  - id: export-declarant
                    name: An export declaring agent
                    role: declarant
                    senderCodes: ["4403966888"]
                    formats: [ceb603]
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
    void arrival_then_departure_are_accepted_and_forwarded() throws Exception {
        String waybill = declareInventory();

        String arrivalNo = "YD-" + waybill;
        HttpResponse<String> arrived = adapter.post(Messages.utf8(arrival(arrivalNo, waybill)), CARRIER);
        assertEquals(200, arrived.statusCode(), arrived.body());
        XdmNode ceb508 = engine.valid(Messages.utf8(arrived.body()));
        assertEquals("CEB508Message", Xml.value(ceb508, "local-name(/*)"));
        XdmNode out = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(CARRIER + ":" + arrivalNo + "/1"))));
        assertEquals("CEB507Message", Xml.value(out, "local-name(/*)"));
        assertEquals(waybill, Xml.value(out, "//ceb:ArrivalList/ceb:logisticsNo"));

        String departureNo = "LJ-" + waybill;
        HttpResponse<String> departed = adapter.post(Messages.utf8(departure(departureNo, waybill)), CARRIER);
        assertEquals(200, departed.statusCode(), departed.body());
        assertEquals("CEB510Message", Xml.value(engine.valid(Messages.utf8(departed.body())), "local-name(/*)"));
        XdmNode left = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(CARRIER + ":" + departureNo + "/1"))));
        assertEquals("CEB509Message", Xml.value(left, "local-name(/*)"));
        assertEquals(waybill, Xml.value(left, "//ceb:DepartureList/ceb:logisticsNo"));
    }

    @Test
    void a_departure_of_a_parcel_that_never_arrived_is_refused() throws Exception {
        String waybill = declareInventory();
        String departureNo = "LJ-" + waybill;
        HttpResponse<String> response = adapter.post(Messages.utf8(departure(departureNo, waybill)), CARRIER);

        assertEquals(400, response.statusCode(), response.body());
        XdmNode ceb510 = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB510Message", Xml.value(ceb510, "local-name(/*)"));
        String info = Xml.value(ceb510, "string-join(//ceb:returnInfo, ' ')");
        assertTrue(info.contains("MOV-NOT-ARRIVED /") && info.contains("/GoodsMovement/HouseConsignment[1]/TransportDocument"), info);
        // nothing of the inventory (its declarant's number, its goods) is told to the carrier
        assertFalse(response.body().contains("QD-") || response.body().contains("移动电源"), response.body());
        assertTrue(adapter.takeForwarded(CARRIER + ":" + departureNo + "/1", Duration.ofSeconds(1)).isEmpty(), "not forwarded");

        // once it has arrived, the same departure goes
        assertEquals(200, adapter.post(Messages.utf8(arrival("YD-" + waybill, waybill)), CARRIER).statusCode());
        HttpResponse<String> again = adapter.post(Messages.utf8(departure(departureNo, waybill)), CARRIER);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("CEB509Message", Xml.value(engine.valid(Messages.utf8(TestAdapter.text(
                adapter.forwarded(CARRIER + ":" + departureNo + "/1")))), "local-name(/*)"));
    }

    @Test
    void an_arrival_of_a_parcel_no_inventory_declared_is_refused() throws Exception {
        String unknown = "XD" + System.nanoTime() + "CN";
        String arrivalNo = "YD-" + unknown;
        HttpResponse<String> response = adapter.post(Messages.utf8(arrival(arrivalNo, unknown)), CARRIER);

        assertEquals(400, response.statusCode(), response.body());
        XdmNode ceb508 = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB508Message", Xml.value(ceb508, "local-name(/*)"));
        String info = Xml.value(ceb508, "string-join(//ceb:returnInfo, ' ')");
        assertTrue(info.contains("MOV-NO-INVENTORY /"), info);
        assertTrue(adapter.takeForwarded(CARRIER + ":" + arrivalNo + "/1", Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    // --- the declaring agent and the carrier -----------------------------------------------------

    /** Files a signed export inventory for a new parcel through the adapter; the parcel's waybill number. */
    private String declareInventory() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String waybill = "XD" + (System.currentTimeMillis() % 100_000_000) + n + "CN";
        String copNo = "QD-" + waybill;
        String inventory = fresh(Project.read(Project.examples("ceb603").resolve("inventory-minimal.xml")))
                .replace("XD2026112400000001CN", waybill).replace("QD20261124140000001", copNo);
        HttpResponse<String> declared = adapter.post(PartnerSigning.declarant().sign(Messages.utf8(inventory)), "export-declarant");
        assertEquals(200, declared.statusCode(), declared.body());
        adapter.forwarded("export-declarant:" + copNo);
        return waybill;
    }

    private static String arrival(String copNo, String waybill) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB507Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <ceb:Arrival>
                    <ceb:ArrivalHead>
                      <ceb:guid>%s</ceb:guid>
                      <ceb:appType>1</ceb:appType>
                      <ceb:appTime>20261124181500</ceb:appTime>
                      <ceb:appStatus>2</ceb:appStatus>
                      <ceb:customsCode>5304</ceb:customsCode>
                      <ceb:copNo>%s</ceb:copNo>
                      <ceb:operatorCode>4403969501</ceb:operatorCode>
                      <ceb:operatorName>深圳机场跨境电商监管中心有限公司</ceb:operatorName>
                      <ceb:ieFlag>E</ceb:ieFlag>
                      <ceb:trafMode>5</ceb:trafMode>
                      <ceb:billNo>4403CY20261124-08</ceb:billNo>
                      <ceb:domesticTrafNo>粤B·12345</ceb:domesticTrafNo>
                      <ceb:logisticsCode>4403968301</ceb:logisticsCode>
                      <ceb:logisticsName>深圳迅达国际物流有限公司</ceb:logisticsName>
                      <ceb:msgCount>1</ceb:msgCount>
                      <ceb:msgSeqNo>1</ceb:msgSeqNo>
                    </ceb:ArrivalHead>
                    <ceb:ArrivalList>
                      <ceb:gnum>1</ceb:gnum>
                      <ceb:logisticsNo>%s</ceb:logisticsNo>
                    </ceb:ArrivalList>
                  </ceb:Arrival>
                  <ceb:BaseTransfer>
                    <ceb:copCode>4403968301</ceb:copCode>
                    <ceb:copName>深圳迅达国际物流有限公司</ceb:copName>
                    <ceb:dxpMode>DXP</ceb:dxpMode>
                    <ceb:dxpId>DXPENT0000968301</ceb:dxpId>
                  </ceb:BaseTransfer>
                </ceb:CEB507Message>
                """.formatted(guid(), guid(), copNo, waybill).strip();
    }

    private static String departure(String copNo, String waybill) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB509Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <ceb:Departure>
                    <ceb:DepartureHead>
                      <ceb:guid>%s</ceb:guid>
                      <ceb:appType>1</ceb:appType>
                      <ceb:appTime>20261125080000</ceb:appTime>
                      <ceb:appStatus>2</ceb:appStatus>
                      <ceb:customsCode>5304</ceb:customsCode>
                      <ceb:copNo>%s</ceb:copNo>
                      <ceb:logisticsCode>4403968301</ceb:logisticsCode>
                      <ceb:logisticsName>深圳迅达国际物流有限公司</ceb:logisticsName>
                      <ceb:trafMode>5</ceb:trafMode>
                      <ceb:trafName>B-2026</ceb:trafName>
                      <ceb:voyageNo>CZ3001</ceb:voyageNo>
                      <ceb:billNo>784-20261125</ceb:billNo>
                      <ceb:leaveTime>20261125075500</ceb:leaveTime>
                      <ceb:msgCount>1</ceb:msgCount>
                      <ceb:msgSeqNo>1</ceb:msgSeqNo>
                    </ceb:DepartureHead>
                    <ceb:DepartureList>
                      <ceb:gnum>1</ceb:gnum>
                      <ceb:logisticsNo>%s</ceb:logisticsNo>
                    </ceb:DepartureList>
                  </ceb:Departure>
                  <ceb:BaseTransfer>
                    <ceb:copCode>4403968301</ceb:copCode>
                    <ceb:copName>深圳迅达国际物流有限公司</ceb:copName>
                    <ceb:dxpMode>DXP</ceb:dxpMode>
                    <ceb:dxpId>DXPENT0000968301</ceb:dxpId>
                  </ceb:BaseTransfer>
                </ceb:CEB509Message>
                """.formatted(guid(), guid(), copNo, waybill).strip();
    }

    private static String fresh(String xml) {
        return xml.replaceAll("guid=\"[0-9A-F-]{36}\"", "guid=\"" + guid() + "\"")
                .replaceAll("<ceb:guid>[0-9A-F-]{36}</ceb:guid>", "<ceb:guid>" + guid() + "</ceb:guid>");
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
