package org.wcoecom.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import net.sf.saxon.s9api.XdmNode;

/**
 * Export returns on a real adapter: a declaring agent files a signed export inventory (CEB603) of two
 * power banks for an e-commerce enterprise, customs answers it (CEB604 with the inventory number, 800
 * released or 120 not yet); the enterprise then asks to return goods (CEB213), the supervised site
 * tallies the returned parcel (CEB215), the agent cancels an inventory (CEB605). The messages are made
 * from the minimal examples with fresh numbers.
 */
public final class ExportReturns {

    /** the declaring agent (agentCode 4403966888) */
    public static final String DECLARANT = "export-declarant";
    /** the e-commerce enterprise of the inventories (ebcCode 4403966102) */
    public static final String ENTERPRISE = "export-enterprise";
    /** another e-commerce enterprise (4403966103) */
    public static final String OTHER_ENTERPRISE = "other-enterprise";
    /** the postal operator of the supervised site where returned parcels are tallied (4403960001) */
    public static final String SITE = "return-site";
    /** another declaring agent (4403966999) */
    public static final String OTHER_DECLARANT = "other-declarant";
    public static final String OTHER_AGENT_CODE = "4403966999";
    public static final String SELLER = "4403966102";
    public static final String OTHER_SELLER = "4403966103";

    private static final String PARTNERS = """
              - id: export-declarant
                name: An export declaring agent
                role: declarant
                senderCodes: ["4403966888"]
                formats: [ceb603, ceb605]
                receiptFormat: ceb604
              - id: other-declarant
                name: Another export declaring agent
                role: declarant
                senderCodes: ["4403966999"]
                formats: [ceb605]
                receiptFormat: ceb606
              - id: export-enterprise
                name: An export e-commerce enterprise
                role: platform
                senderCodes: ["4403966102"]
                # ceb605 listed, yet refused: only declaring agents ask about their inventories
                formats: [ceb213, ceb605]
                receiptFormat: ceb214
              - id: other-enterprise
                name: Another export e-commerce enterprise
                role: platform
                senderCodes: ["4403966103"]
                formats: [ceb213]
                receiptFormat: ceb214
              - id: return-site
                name: The postal operator of a supervised site
                role: logistics
                senderCodes: ["4403960001"]
                formats: [ceb215]
                receiptFormat: ceb216
            """;

    private ExportReturns() {
    }

    /** An adapter whose partners file adds the export agent, the two enterprises and the site; the agent's certificate known. */
    public static TestAdapter adapter(Path data) throws Exception {
        String bundled = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("partners.yaml"), bundled + PARTNERS, StandardCharsets.UTF_8);
        return new TestAdapter(data, Map.of("adapter.signature.partner.export-declarant.certificates",
                PartnerSigning.declarant().pem().toString()));
    }

    /** An export inventory the agent filed and customs numbered, with its parcel's waybill. */
    public record Filed(String copNo, String orderNo, String invtNo, String logisticsNo) {
    }

    /** Files an export inventory of two power banks (line 1) for the enterprise; customs releases it (800) or not yet (120). */
    public static Filed file(TestAdapter adapter, boolean released) throws Exception {
        String key = "RX" + Long.toString(System.nanoTime() % 100_000_000_000L, 36).toUpperCase(Locale.ROOT)
                + ThreadLocalRandom.current().nextInt(1000);
        Filed f = new Filed("QD-" + key, "EX-" + key, String.format(Locale.ROOT, "53162026E%09d",
                ThreadLocalRandom.current().nextInt(1_000_000_000)), "XD" + key + "CN");
        String inventory = fresh(Project.read(Project.examples("ceb603").resolve("inventory-minimal.xml")))
                .replace("XD2026112400000001CN", f.logisticsNo()).replace("QD20261124140000001", f.copNo())
                .replace("EX20261124101500001", f.orderNo())
                .replace("<ceb:qty>1</ceb:qty>", "<ceb:qty>2</ceb:qty>")
                .replace("<ceb:totalPrice>128</ceb:totalPrice>", "<ceb:totalPrice>256</ceb:totalPrice>");
        HttpResponse<String> declared = adapter.post(PartnerSigning.declarant().sign(Messages.utf8(inventory)), DECLARANT);
        assertEquals(200, declared.statusCode(), declared.body());
        adapter.forwarded(DECLARANT + ":" + f.copNo());
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
                    <ceb:orderNo>%s</ceb:orderNo>
                    <ceb:statisticsFlag>A</ceb:statisticsFlag>
                    <ceb:returnStatus>%s</ceb:returnStatus>
                    <ceb:returnTime>20261124160000000</ceb:returnTime>
                    <ceb:returnInfo>[Code:2600;Desc:放行]</ceb:returnInfo>
                  </ceb:InventoryReturn>
                </ceb:CEB604Message>
                """.formatted(guid(), guid(), f.copNo(), f.invtNo(), f.orderNo(), released ? "800" : "120").strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        // relayed to the agent once the adapter has taken note of it
        assertTrue(adapter.take("partner." + DECLARANT + ".receipts", "AdapterRecordId = '" + DECLARANT + ":" + f.copNo() + "'",
                TestAdapter.WAIT).isPresent(), "customs' receipt was not relayed");
        return f;
    }

    /** The enterprise's request to return {@code qty} of line 1, under its own number, the goods coming back under a waybill of their own. */
    public static String returnRequest(Filed f, String seller, String ownNumber, String qty, String returnWaybill) {
        return fresh(Project.read(Project.examples("ceb213").resolve("return-minimal.xml")))
                .replace("<ceb:ebcCode>4403966101</ceb:ebcCode>", "<ceb:ebcCode>" + seller + "</ceb:ebcCode>")
                .replace("<ceb:copCode>4403966888</ceb:copCode>", "<ceb:copCode>" + seller + "</ceb:copCode>")
                .replace("53162026E000000077", f.invtNo())
                .replace("<ceb:coElNo>TH-1</ceb:coElNo>", "<ceb:coElNo>" + ownNumber + "</ceb:coElNo>")
                .replace("LZ202612110001DE", returnWaybill)
                .replace("<ceb:qty>1</ceb:qty>", "<ceb:qty>" + qty + "</ceb:qty>")
                .replace("<ceb:qty1>1</ceb:qty1>", "<ceb:qty1>" + qty + "</ceb:qty1>");
    }

    /** The site's tally of the parcel that came back under the waybill; the inventory named or not. */
    public static String tally(String returnWaybill, String invtNo) {
        String xml = fresh(Project.read(Project.examples("ceb215").resolve("tally-minimal.xml")))
                .replace("LZ202612110001DE", returnWaybill);
        return invtNo == null ? xml : xml.replace("<ceb:coElNo>LH-1</ceb:coElNo>",
                "<ceb:invtNo>" + invtNo + "</ceb:invtNo>\n    <ceb:coElNo>LH-1</ceb:coElNo>");
    }

    /** The agent's cancellation of an export inventory, by customs' number and its own. */
    public static String cancellation(String invtNo, String copNo) {
        return fresh(Project.read(Project.examples("ceb605").resolve("cancellation-minimal.xml")))
                .replace("53162026E000000077", invtNo).replace("<ceb:copNo>Q-1</ceb:copNo>", "<ceb:copNo>" + copNo + "</ceb:copNo>");
    }

    /** A fresh return waybill number (the goods come back under a waybill of their own). */
    public static String returnWaybill() {
        return "LZ" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT)
                + ThreadLocalRandom.current().nextInt(1000) + "DE";
    }

    /** A fresh own number of a request. */
    public static String ownNumber(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
    }

    /** A refusal in the sender's receipt format naming the rule; its returnInfo. */
    public static String assertRefused(HttpResponse<String> response, String receiptRoot, String rule) {
        assertEquals(400, response.statusCode(), response.body());
        XdmNode receipt = new Translations().valid(Messages.utf8(response.body()));
        assertEquals(receiptRoot, Xml.value(receipt, "local-name(/*)"));
        assertEquals("100", Xml.value(receipt, "(//ceb:returnStatus)[1]"), response.body());
        String info = String.join(" ", Xml.values(receipt, "//ceb:returnInfo"));
        assertTrue(info.contains(rule + " /"), "the rule is named: " + info);
        return info;
    }

    /** New message and record guids, as a sender makes for each message. */
    public static String fresh(String xml) {
        return xml.replaceAll("guid=\"[0-9A-F-]{36}\"", "guid=\"" + guid() + "\"")
                .replaceAll("<ceb:guid>[0-9A-F-]{36}</ceb:guid>", "<ceb:guid>" + guid() + "</ceb:guid>");
    }

    public static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
