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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.jms.Message;

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
 * Customs' electronic tax bills (CEB816) and their statuses (CEB818), put on the customs inbound queue
 * as customs would, reach the parties each bill names, on their receipts queues, and nobody else: the
 * e-commerce enterprise (ebcCode) and the declaring agent (agentCode) the bill names get it, a second
 * platform gets nothing; a message of bills for different partners is split so that each sees only its
 * own; a status goes to those who got the bill; a bill whose codes name no partner goes to the sender
 * of the inventory the adapter declared (by invtNo); a bill nobody can be found for is kept aside.
 */
class TaxBillRelayTest {

    private static final String ENTERPRISE = "demo-enterprise";
    private static final String DECLARANT = "demo-declarant";
    private static final String OTHER = "other-platform";
    private static final String NO_PARTNER = "3120966777";

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        String partners = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8) + """
                  - id: demo-enterprise
                    name: The e-commerce enterprise of the example orders
                    role: platform
                    senderCodes: ["3120966002"]
                    formats: [ceb311]
                    receiptFormat: ceb312
                  - id: other-platform
                    name: A platform no bill below names
                    role: platform
                    senderCodes: ["3120966009"]
                    formats: [ceb311]
                    receiptFormat: ceb312
                """;
        Files.writeString(data.resolve("partners.yaml"), partners, StandardCharsets.UTF_8);
        adapter = new TestAdapter(data);
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void a_bill_reaches_the_enterprise_and_the_agent_it_names_and_no_other_party() throws Exception {
        String taxNo = taxNo();
        adapter.send("customs.ceb.in", Messages.utf8(bills(bill(taxNo, invtNo(), "3120966002", "3120966888", NO_PARTNER))));

        for (String partner : List.of(ENTERPRISE, DECLARANT)) {
            XdmNode ceb816 = received(partner, "customs:" + taxNo);
            assertEquals("CEB816Message", Xml.value(ceb816, "local-name(/*)"));
            assertEquals(List.of(taxNo), Xml.values(ceb816, "//ceb:TaxHeadRd/ceb:taxNo"));
            assertEquals("54.24", Xml.value(ceb816, "//ceb:TaxHeadRd/ceb:valueAddedTax"), "customs' amounts, as written");
        }
        assertNothingFor(OTHER);
        assertNothingFor("demo-platform");
    }

    @Test
    void a_message_of_several_parties_bills_is_split_so_each_sees_only_its_own() throws Exception {
        String mine = taxNo();
        String theirs = taxNo();
        adapter.send("customs.ceb.in", Messages.utf8(bills(bill(mine, invtNo(), "3120966002", NO_PARTNER, NO_PARTNER),
                bill(theirs, invtNo(), "3120966009", NO_PARTNER, NO_PARTNER))));

        XdmNode enterprise = received(ENTERPRISE, "customs:" + mine);
        assertEquals(List.of(mine), Xml.values(enterprise, "//ceb:TaxHeadRd/ceb:taxNo"), "only its own bill");
        XdmNode other = received(OTHER, "customs:" + theirs);
        assertEquals(List.of(theirs), Xml.values(other, "//ceb:TaxHeadRd/ceb:taxNo"), "only its own bill");
        assertEquals(List.of("3120966009"), Xml.values(other, "//ceb:TaxHeadRd/ceb:ebcCode"));
    }

    @Test
    void a_status_reaches_those_who_got_the_bill() throws Exception {
        String taxNo = taxNo();
        String invtNo = invtNo();
        adapter.send("customs.ceb.in", Messages.utf8(bills(bill(taxNo, invtNo, "3120966002", "3120966888", NO_PARTNER))));
        received(ENTERPRISE, "customs:" + taxNo);
        received(DECLARANT, "customs:" + taxNo);

        // a status names the inventory and the bill, not the enterprise nor the agent
        adapter.send("customs.ceb.in", Messages.utf8(status(taxNo, invtNo)));
        for (String partner : List.of(ENTERPRISE, DECLARANT)) {
            XdmNode ceb818 = received(partner, "customs:" + taxNo + "/2");
            assertEquals("CEB818Message", Xml.value(ceb818, "local-name(/*)"));
            assertEquals("2", Xml.value(ceb818, "//ceb:TaxHeadStatus/ceb:status"));
        }
        assertNothingFor(OTHER);
    }

    @Test
    void a_bill_naming_no_partner_goes_to_the_sender_of_the_inventory_the_adapter_declared() throws Exception {
        String invtNo = fileInventory();
        String taxNo = taxNo();
        // neither the enterprise, the agent nor the guarantor is a partner (the agent is, by inventory)
        adapter.send("customs.ceb.in", Messages.utf8(status(taxNo, invtNo)));

        XdmNode ceb818 = received(DECLARANT, "customs:" + taxNo + "/2");
        assertEquals(invtNo, Xml.value(ceb818, "//ceb:TaxHeadStatus/ceb:invtNo"));
        assertNothingFor(OTHER);
    }

    @Test
    void a_bill_for_nobody_the_adapter_knows_is_kept_aside() throws Exception {
        String taxNo = taxNo();
        byte[] bill = Messages.utf8(bills(bill(taxNo, invtNo(), "3120966555", NO_PARTNER, NO_PARTNER)));
        adapter.send("customs.ceb.in", bill);

        assertTrue(adapter.take("customs.ceb.in.unmatched", null, TestAdapter.WAIT).isPresent(), "kept aside as unmatched");
        for (String partner : List.of(ENTERPRISE, DECLARANT, OTHER, "demo-platform")) {
            assertTrue(adapter.take("partner." + partner + ".receipts", "AdapterRecordId = 'customs:" + taxNo + "'",
                    Duration.ofMillis(300)).isEmpty(), partner + " got a bill that is not its own");
        }
    }

    // --- customs and the declaring agent --------------------------------------------------------

    private XdmNode received(String partner, String recordId) throws Exception {
        Message m = adapter.take("partner." + partner + ".receipts", "AdapterRecordId = '" + recordId + "'", TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError(partner + " did not get " + recordId));
        return engine.valid(Messages.utf8(TestAdapter.text(m)));
    }

    /** Nothing at all waits on the partner's receipts queue: no bill, no status reached it. */
    private static void assertNothingFor(String partner) throws Exception {
        var got = adapter.take("partner." + partner + ".receipts", null, Duration.ofSeconds(1));
        assertTrue(got.isEmpty(), partner + " got " + (got.isPresent() ? TestAdapter.text(got.get()) : ""));
    }

    /** The declaring agent files an inventory (CEB621) and customs numbers it (CEB622): its number. */
    private static String fileInventory() throws Exception {
        String orderNo = Messages.orderNo("TX");
        String copNo = "TG" + orderNo.replaceAll("[^A-Za-z0-9]", "");
        String invtNo = invtNo();
        String inventory = fresh(Project.read(Project.examples("ceb621").resolve("inventory-single.xml")))
                .replace("YX20261120143005001", orderNo).replace("TG20261120160512001", copNo);
        HttpResponse<String> declared = adapter.post(PartnerSigning.declarant().sign(Messages.utf8(inventory)), DECLARANT);
        assertEquals(200, declared.statusCode(), declared.body());
        adapter.forwarded(DECLARANT + ":" + orderNo);
        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB622Message xmlns="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <InventoryReturn>
                    <guid>%s</guid>
                    <customsCode>2244</customsCode>
                    <ebpCode>3120966001</ebpCode>
                    <ebcCode>3120966002</ebcCode>
                    <agentCode>3120966888</agentCode>
                    <copNo>%s</copNo>
                    <preNo>B20261127000000001</preNo>
                    <invtNo>%s</invtNo>
                    <returnStatus>800</returnStatus>
                    <returnTime>20261127120000000</returnTime>
                    <returnInfo>[Code:2600;Desc:放行]</returnInfo>
                  </InventoryReturn>
                </CEB622Message>
                """.formatted(guid(), guid(), copNo, invtNo).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        assertTrue(adapter.take("partner." + DECLARANT + ".receipts", "AdapterRecordId = '" + DECLARANT + ":" + orderNo + "'",
                TestAdapter.WAIT).isPresent(), "customs' receipt was not relayed");
        return invtNo;
    }

    private static String bills(String... bills) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:CEB816Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\""
                + guid() + "\" version=\"1.0\">" + String.join("", bills) + "</ceb:CEB816Message>";
    }

    private static String bill(String taxNo, String invtNo, String ebcCode, String agentCode, String assureCode) {
        return """
                <ceb:Tax><ceb:TaxHeadRd><ceb:guid>%s</ceb:guid><ceb:returnTime>20261121110000500</ceb:returnTime>
                <ceb:invtNo>%s</ceb:invtNo><ceb:taxNo>%s</ceb:taxNo><ceb:customsTax>0</ceb:customsTax>
                <ceb:valueAddedTax>54.24</ceb:valueAddedTax><ceb:consumptionTax>0</ceb:consumptionTax><ceb:status>1</ceb:status>
                <ceb:assureCode>%s</ceb:assureCode><ceb:ebcCode>%s</ceb:ebcCode><ceb:agentCode>%s</ceb:agentCode>
                <ceb:customsCode>2244</ceb:customsCode></ceb:TaxHeadRd>
                <ceb:TaxListRd><ceb:gnum>1</ceb:gnum><ceb:gcode>1901101010</ceb:gcode><ceb:taxPrice>596</ceb:taxPrice>
                <ceb:customsTax>0</ceb:customsTax><ceb:valueAddedTax>54.24</ceb:valueAddedTax><ceb:consumptionTax>0</ceb:consumptionTax>
                </ceb:TaxListRd></ceb:Tax>""".formatted(guid(), invtNo, taxNo, assureCode, ebcCode, agentCode);
    }

    /** The bill summarised into a payment (status 2), naming no party but an unknown guarantor. */
    private static String status(String taxNo, String invtNo) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB818Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <ceb:Tax><ceb:TaxHeadStatus><ceb:guid>%s</ceb:guid><ceb:returnTime>20261201080000000</ceb:returnTime>
                  <ceb:invtNo>%s</ceb:invtNo><ceb:taxNo>%s</ceb:taxNo><ceb:status>2</ceb:status>
                  <ceb:assureCode>%s</ceb:assureCode></ceb:TaxHeadStatus></ceb:Tax>
                </ceb:CEB818Message>
                """.formatted(guid(), guid(), invtNo, taxNo, NO_PARTNER).strip();
    }

    private static String taxNo() {
        return "2244" + System.nanoTime() % 1_000_000_000_000L + ThreadLocalRandom.current().nextInt(1000);
    }

    private static String invtNo() {
        return String.format(Locale.ROOT, "22442026I%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    private static String fresh(String xml) {
        return xml.replaceAll("guid=\"[0-9A-F-]{36}\"", "guid=\"" + guid() + "\"")
                .replaceAll("<ceb:guid>[0-9A-F-]{36}</ceb:guid>", "<ceb:guid>" + guid() + "</ceb:guid>");
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
