package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcoecom.adapter.support.Channels;
import org.wcoecom.adapter.support.ExportReturns;
import org.wcoecom.adapter.support.ExportReturns.Filed;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Export return requests (CEB213) on a real adapter (broker, database, HTTP): the declaring agent files
 * an export inventory of two power banks for an e-commerce enterprise and customs releases it (CEB604
 * 800); the enterprise asks to return goods of it. A request is matched to the released inventory of
 * that enterprise and forwarded to customs as a CEB213; it is refused in a CEB214 naming the rule when
 * the adapter declared no such inventory (or declared it for another enterprise, which the receipt does
 * not tell), when customs has not released it, when a line returns more than was declared, and when it
 * returns more than the requests accepted before left. Over HTTP, JMS and files alike.
 */
class ExportReturnRequestTest {

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        adapter = ExportReturns.adapter(data);
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void a_return_request_for_a_released_export_inventory_is_accepted_and_forwarded_as_a_ceb213() throws Exception {
        Filed f = ExportReturns.file(adapter, true);
        HttpResponse<String> response = post(ExportReturns.returnRequest(f, ExportReturns.SELLER, ExportReturns.ownNumber("TH"), "1",
                ExportReturns.returnWaybill()));

        assertEquals(200, response.statusCode(), response.body());
        XdmNode ceb214 = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB214Message", Xml.value(ceb214, "local-name(/*)"));
        assertEquals("2", Xml.value(ceb214, "(//ceb:returnStatus)[1]"));
        String text = TestAdapter.text(adapter.forwarded(record(f)));
        XdmNode forwarded = engine.valid(Messages.utf8(text));
        assertEquals("CEB213Message", Xml.value(forwarded, "local-name(/*)"));
        assertEquals(f.invtNo(), Xml.value(forwarded, "//ceb:InvtRefundHead/ceb:invtNo"));
        assertEquals(ExportReturns.SELLER, Xml.value(forwarded, "//ceb:InvtRefundHead/ceb:ebcCode"));
        assertEquals("1", Xml.value(forwarded, "count(/*/*:Signature)"), "signed");
        var official = Project.officialCebSchema("ceb213"); // skipped when ../shared/reference is absent
        assertEquals(List.of(), Xml.errors(official, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_return_request_naming_no_export_inventory_the_adapter_declared_is_refused() throws Exception {
        Filed unknown = new Filed("QD-NONE", "EX-NONE", String.format(Locale.ROOT, "53162026E%09d",
                ThreadLocalRandom.current().nextInt(1_000_000_000)), "XDNONE");
        HttpResponse<String> response = post(ExportReturns.returnRequest(unknown, ExportReturns.SELLER, ExportReturns.ownNumber("TH"), "1",
                ExportReturns.returnWaybill()));

        ExportReturns.assertRefused(response, "CEB214Message", "RET-NO-INVENTORY");
        assertTrue(adapter.takeForwarded(record(unknown), Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void a_return_request_for_another_enterprises_inventory_is_refused_without_telling_it_exists() throws Exception {
        Filed f = ExportReturns.file(adapter, true);
        HttpResponse<String> response = adapter.post(Messages.utf8(ExportReturns.returnRequest(f, ExportReturns.OTHER_SELLER,
                ExportReturns.ownNumber("TH"), "1", ExportReturns.returnWaybill())), ExportReturns.OTHER_ENTERPRISE);

        String info = ExportReturns.assertRefused(response, "CEB214Message", "RET-NO-INVENTORY");
        assertTrue(info.contains("no export inventory of this e-commerce enterprise"), info);
        for (String theirs : List.of(f.copNo(), f.orderNo(), f.logisticsNo(), ExportReturns.SELLER)) {
            assertFalse(response.body().contains(theirs), "the other enterprise's inventory is not told (" + theirs + "):\n" + response.body());
        }
        assertTrue(adapter.takeForwarded(ExportReturns.OTHER_ENTERPRISE + ":" + f.invtNo(), Duration.ofSeconds(1)).isEmpty(),
                "not forwarded");
    }

    @Test
    void a_return_request_for_goods_customs_has_not_released_is_refused() throws Exception {
        Filed f = ExportReturns.file(adapter, false);
        ExportReturns.assertRefused(post(ExportReturns.returnRequest(f, ExportReturns.SELLER, ExportReturns.ownNumber("TH"), "1",
                ExportReturns.returnWaybill())), "CEB214Message", "RET-NOT-RELEASED");
        assertTrue(adapter.takeForwarded(record(f), Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void a_return_request_for_more_than_was_declared_is_refused() throws Exception {
        Filed f = ExportReturns.file(adapter, true);
        // line 1 of the inventory declared 2
        String info = ExportReturns.assertRefused(post(ExportReturns.returnRequest(f, ExportReturns.SELLER, ExportReturns.ownNumber("TH"),
                "3", ExportReturns.returnWaybill())), "CEB214Message", "RET-QUANTITY");
        assertTrue(info.contains("/GoodsReturn/Line[1]/Quantity"), info);
        assertTrue(adapter.takeForwarded(record(f), Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void a_return_request_for_more_than_earlier_returns_left_is_refused() throws Exception {
        Filed f = ExportReturns.file(adapter, true);
        HttpResponse<String> first = post(ExportReturns.returnRequest(f, ExportReturns.SELLER, ExportReturns.ownNumber("TA"), "1",
                ExportReturns.returnWaybill()));
        assertEquals(200, first.statusCode(), first.body());
        adapter.forwarded(record(f));

        String info = ExportReturns.assertRefused(post(ExportReturns.returnRequest(f, ExportReturns.SELLER, ExportReturns.ownNumber("TB"),
                "2", ExportReturns.returnWaybill())), "CEB214Message", "RET-QUANTITY-LEFT");
        assertTrue(info.contains("/GoodsReturn/Line[1]/Quantity"), info);
        assertTrue(adapter.takeForwarded(record(f), Duration.ofSeconds(1)).isEmpty(), "not forwarded");

        HttpResponse<String> rest = post(ExportReturns.returnRequest(f, ExportReturns.SELLER, ExportReturns.ownNumber("TC"), "1",
                ExportReturns.returnWaybill()));
        assertEquals(200, rest.statusCode(), rest.body());
        adapter.forwarded(record(f));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Channels.JMS, Channels.FILE})
    void over_jms_and_files_the_request_is_matched_and_answered_in_a_ceb214_there(String channel) throws Exception {
        Filed f = ExportReturns.file(adapter, true);
        String refused = Channels.answer(adapter, channel, ExportReturns.ENTERPRISE, Messages.utf8(ExportReturns.returnRequest(f,
                ExportReturns.SELLER, ExportReturns.ownNumber("TA"), "3", ExportReturns.returnWaybill())));
        XdmNode no = engine.valid(Messages.utf8(refused));
        assertEquals("CEB214Message", Xml.value(no, "local-name(/*)"));
        assertEquals("100", Xml.value(no, "(//ceb:returnStatus)[1]"));
        assertTrue(String.join(" ", Xml.values(no, "//ceb:returnInfo")).contains("RET-QUANTITY /"), refused);

        String accepted = Channels.answer(adapter, channel, ExportReturns.ENTERPRISE, Messages.utf8(ExportReturns.returnRequest(f,
                ExportReturns.SELLER, ExportReturns.ownNumber("TB"), "2", ExportReturns.returnWaybill())));
        assertEquals("2", Xml.value(engine.valid(Messages.utf8(accepted)), "(//ceb:returnStatus)[1]"), accepted);
        XdmNode forwarded = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(record(f)))));
        assertEquals("2", Xml.value(forwarded, "//ceb:InvtRefundList/ceb:qty"));
    }

    private static String record(Filed f) {
        return ExportReturns.ENTERPRISE + ":" + f.invtNo();
    }

    private static HttpResponse<String> post(String xml) throws Exception {
        return adapter.post(Messages.utf8(xml), ExportReturns.ENTERPRISE);
    }
}
