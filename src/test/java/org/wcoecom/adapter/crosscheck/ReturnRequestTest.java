package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
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
 * Return requests (CEB625) and cancellations (CEB623) on a real adapter: the declaring agent files an
 * inventory (CEB621) through the adapter, customs answers it (CEB622 with the inventory number, 800
 * released), and the agent then asks about it. A return request is matched to the released inventory
 * and forwarded; one naming no inventory the adapter declared, one for goods customs has not released,
 * and one returning more of a line than was declared are refused in a CEB626 naming the rule; so is one
 * returning more than is left once the requests accepted before took theirs back, unless customs refused
 * those (its CEB626 100). A cancellation is matched the same way, and refused when the inventory is unknown.
 */
class ReturnRequestTest {

    private static final String DECLARANT = "demo-declarant";

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        // the bundled partners: the declaring agent may ask for returns and cancellations
        String partners = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        assertTrue(partners.contains("formats: [ceb621, ceb623, ceb625"), "the bundled declarant may send CEB623 and CEB625");
        Files.writeString(data.resolve("partners.yaml"), partners, StandardCharsets.UTF_8);
        adapter = new TestAdapter(data);
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    /** An inventory the agent filed and customs numbered; released or not. */
    private record Filed(String orderNo, String copNo, String invtNo) {
    }

    @Test
    void a_return_request_for_a_released_inventory_is_accepted_and_forwarded() throws Exception {
        Filed f = file(true);
        HttpResponse<String> response = post(returnRequest(f.orderNo(), f.invtNo(), "1"));

        assertEquals(200, response.statusCode(), response.body());
        XdmNode ceb626 = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB626Message", Xml.value(ceb626, "local-name(/*)"));
        XdmNode forwarded = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(DECLARANT + ":" + f.invtNo()))));
        assertEquals("CEB625Message", Xml.value(forwarded, "local-name(/*)"));
        assertEquals(f.invtNo(), Xml.value(forwarded, "//ceb:InvtRefundHead/ceb:invtNo"));
    }

    @Test
    void a_return_request_naming_no_inventory_the_adapter_declared_is_refused() throws Exception {
        String unknown = invtNo();
        HttpResponse<String> response = post(returnRequest(Messages.orderNo("RT-N"), unknown, "1"));

        assertRefused(response, "RET-NO-INVENTORY");
        assertTrue(adapter.takeForwarded(DECLARANT + ":" + unknown, Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void a_return_request_for_more_than_was_declared_is_refused() throws Exception {
        Filed f = file(true);
        // line 1 of the inventory declared 2
        HttpResponse<String> response = post(returnRequest(f.orderNo(), f.invtNo(), "3"));

        String info = assertRefused(response, "RET-QUANTITY");
        assertTrue(info.contains("/GoodsReturn/Line[1]/Quantity"), info);
        assertTrue(!info.contains(">2<") && !info.contains(" 2 "), "the declared quantity is not told: " + info);
        assertTrue(adapter.takeForwarded(DECLARANT + ":" + f.invtNo(), Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void a_return_request_is_compared_with_what_earlier_returns_left() throws Exception {
        Filed f = file(true);
        // line 1 of the inventory declared 2: one comes back, then two more cannot, then the last one can
        assertEquals(200, post(numbered(returnRequest(f.orderNo(), f.invtNo(), "1"), own(f, "A"))).statusCode());
        adapter.forwarded(DECLARANT + ":" + f.invtNo());

        String info = assertRefused(post(numbered(returnRequest(f.orderNo(), f.invtNo(), "2"), own(f, "B"))), "RET-QUANTITY-LEFT");
        assertTrue(info.contains("/GoodsReturn/Line[1]/Quantity"), info);
        assertTrue(adapter.takeForwarded(DECLARANT + ":" + f.invtNo(), Duration.ofSeconds(1)).isEmpty(), "not forwarded");

        HttpResponse<String> last = post(numbered(returnRequest(f.orderNo(), f.invtNo(), "1"), own(f, "C")));
        assertEquals(200, last.statusCode(), last.body());
        adapter.forwarded(DECLARANT + ":" + f.invtNo());
        assertRefused(post(numbered(returnRequest(f.orderNo(), f.invtNo(), "1"), own(f, "D"))), "RET-QUANTITY-LEFT");
    }

    @Test
    void a_return_request_sent_again_under_its_own_number_replaces_what_it_took_back() throws Exception {
        Filed f = file(true);
        String first = numbered(returnRequest(f.orderNo(), f.invtNo(), "2"), own(f, "A"));
        assertEquals(200, post(first).statusCode());
        adapter.forwarded(DECLARANT + ":" + f.invtNo());
        // the same message again is a duplicate, not a second return of two
        HttpResponse<String> again = post(first);
        assertEquals(200, again.statusCode(), again.body());
        // a correction of the request (appType 2) to one: it is its own earlier quantity it replaces
        HttpResponse<String> corrected = post(numbered(returnRequest(f.orderNo(), f.invtNo(), "1"), own(f, "A"))
                .replace("<ceb:appType>1</ceb:appType>", "<ceb:appType>2</ceb:appType>"));
        assertEquals(200, corrected.statusCode(), corrected.body());
        adapter.forwarded(DECLARANT + ":" + f.invtNo());
        HttpResponse<String> another = post(numbered(returnRequest(f.orderNo(), f.invtNo(), "1"), own(f, "B")));
        assertEquals(200, another.statusCode(), another.body());
    }

    @Test
    void a_return_customs_refused_takes_nothing_back() throws Exception {
        Filed f = file(true);
        assertEquals(200, post(numbered(returnRequest(f.orderNo(), f.invtNo(), "2"), own(f, "A"))).statusCode());
        adapter.forwarded(DECLARANT + ":" + f.invtNo());
        assertRefused(post(numbered(returnRequest(f.orderNo(), f.invtNo(), "1"), own(f, "B"))), "RET-QUANTITY-LEFT");

        customsAnswersReturn(f, own(f, "A"), "100");

        HttpResponse<String> again = post(numbered(returnRequest(f.orderNo(), f.invtNo(), "2"), own(f, "B")));
        assertEquals(200, again.statusCode(), again.body());
    }

    @Test
    void a_return_request_for_goods_not_released_is_refused() throws Exception {
        Filed f = file(false);
        assertRefused(post(returnRequest(f.orderNo(), f.invtNo(), "1")), "RET-NOT-RELEASED");
    }

    @Test
    void a_cancellation_is_matched_to_the_declared_inventory_and_refused_when_there_is_none() throws Exception {
        Filed f = file(false);
        HttpResponse<String> accepted = post(cancellation(f.orderNo(), f.invtNo()));
        assertEquals(200, accepted.statusCode(), accepted.body());
        XdmNode forwarded = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(DECLARANT + ":" + f.invtNo()))));
        assertEquals("CEB623Message", Xml.value(forwarded, "local-name(/*)"));

        String unknown = invtNo();
        assertRefused(post(cancellation(Messages.orderNo("RT-C"), unknown)), "CAN-NO-INVENTORY");
        assertTrue(adapter.takeForwarded(DECLARANT + ":" + unknown, Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    // --- the declaring agent and customs -------------------------------------------------------

    /** Files an inventory through the adapter and has customs answer it with its number (800 released, or 120). */
    private Filed file(boolean released) throws Exception {
        String orderNo = Messages.orderNo("RT");
        String copNo = "TG" + orderNo.replaceAll("[^A-Za-z0-9]", "");
        String invtNo = invtNo();
        String inventory = fresh(Project.read(Project.examples("ceb621").resolve("inventory-single.xml")))
                .replace("YX20261120143005001", orderNo).replace("TG20261120160512001", copNo);
        HttpResponse<String> declared = post(inventory);
        assertEquals(200, declared.statusCode(), declared.body());
        adapter.forwarded(DECLARANT + ":" + orderNo);

        String status = released ? "800" : "120";
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
                    <returnStatus>%s</returnStatus>
                    <returnTime>20261127120000000</returnTime>
                    <returnInfo>[Code:2600;Desc:放行]</returnInfo>
                  </InventoryReturn>
                </CEB622Message>
                """.formatted(guid(), guid(), copNo, invtNo, status).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        // relayed to the agent once the adapter has taken note of it
        assertTrue(adapter.take("partner." + DECLARANT + ".receipts", "AdapterRecordId = '" + DECLARANT + ":" + orderNo + "'",
                TestAdapter.WAIT).isPresent(), "customs' receipt was not relayed");
        return new Filed(orderNo, copNo, invtNo);
    }

    private static String returnRequest(String orderNo, String invtNo, String quantity) {
        return fresh(Project.read(Project.examples("ceb625").resolve("return-minimal.xml")))
                .replace("YX20261120143005001", orderNo).replace("22442026I000000001", invtNo)
                .replace("<ceb:qty>1</ceb:qty>", "<ceb:qty>" + quantity + "</ceb:qty>");
    }

    /** Customs' answer (CEB626) to the return request of this own number; waits until it was relayed to the agent. */
    private static void customsAnswersReturn(Filed f, String copNo, String status) throws Exception {
        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB626Message xmlns="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <InvtRefundReturn>
                    <guid>%s</guid>
                    <customsCode>2244</customsCode>
                    <agentCode>3120966888</agentCode>
                    <ebpCode>3120966001</ebpCode>
                    <ebcCode>3120966002</ebcCode>
                    <copNo>%s</copNo>
                    <preNo>T20261125000000018</preNo>
                    <invtNo>%s</invtNo>
                    <returnStatus>%s</returnStatus>
                    <returnTime>20261126091500000</returnTime>
                    <returnInfo>[Code:1300;Desc:退单]</returnInfo>
                  </InvtRefundReturn>
                </CEB626Message>
                """.formatted(guid(), guid(), copNo, f.invtNo(), status).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        assertTrue(adapter.take("partner." + DECLARANT + ".receipts", "AdapterRecordId = '" + DECLARANT + ":" + f.invtNo() + "'",
                TestAdapter.WAIT).isPresent(), "customs' answer to the return was not relayed");
    }

    /** The agent's own number of its request {@code which} about this inventory (at most 20 characters). */
    private static String own(Filed f, String which) {
        return "TH" + which + f.invtNo().substring(9);
    }

    /** The request under an own number of the agent's (copNo), as a request sent again or corrected keeps it. */
    private static String numbered(String request, String copNo) {
        return request.replace("<ceb:invtNo>", "<ceb:copNo>" + copNo + "</ceb:copNo>\n      <ceb:invtNo>");
    }

    private static String cancellation(String orderNo, String invtNo) {
        return fresh(Project.read(Project.examples("ceb623").resolve("cancellation-minimal.xml")))
                .replace("YX20261121091500017", orderNo).replace("22492026I000000017", invtNo);
    }

    /** Signed with the agent's key, as the adapter requires of declarations and verifies on the others. */
    private static HttpResponse<String> post(String xml) throws Exception {
        return adapter.post(PartnerSigning.declarant().sign(Messages.utf8(xml)), DECLARANT);
    }

    private String assertRefused(HttpResponse<String> response, String rule) {
        assertEquals(400, response.statusCode(), response.body());
        XdmNode receipt = engine.valid(Messages.utf8(response.body()));
        String root = Xml.value(receipt, "local-name(/*)");
        assertTrue(root.equals("CEB626Message") || root.equals("CEB624Message"), root);
        String info = String.join(" ", Xml.values(receipt, "//ceb:returnInfo"));
        assertTrue(info.contains(rule + " /"), "the rule is named: " + info);
        return info;
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
