package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Channels;
import org.wcoecom.adapter.support.ExportReturns;
import org.wcoecom.adapter.support.ExportReturns.Filed;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * The tally of a returned export parcel (CEB215) on a real adapter: the e-commerce enterprise's return
 * request (CEB213) for a released export inventory was accepted, its goods coming back under a waybill
 * of their own; the operator of the supervised site tallies the parcel. The tally is matched to the
 * accepted return by the carrier's code and that waybill number (and the inventory, when it names one),
 * closes it and is forwarded as a CEB215. A tally of a parcel no accepted return brings back, and a
 * second tally of a closed return, are refused in a CEB216 naming the rule. (CEB215 lists no goods, so
 * there are no quantities to compare with the request's.)
 */
class ReturnTallyTest {

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
    void the_tally_of_a_returned_parcel_closes_its_return_and_is_forwarded_and_a_second_one_is_refused() throws Exception {
        String waybill = acceptedReturn();

        String tally = ExportReturns.tally(waybill, null);
        HttpResponse<String> tallied = post(tally);
        assertEquals(200, tallied.statusCode(), tallied.body());
        XdmNode ceb216 = engine.valid(Messages.utf8(tallied.body()));
        assertEquals("CEB216Message", Xml.value(ceb216, "local-name(/*)"));
        XdmNode forwarded = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(record(waybill)))));
        assertEquals("CEB215Message", Xml.value(forwarded, "local-name(/*)"));
        assertEquals(waybill, Xml.value(forwarded, "//ceb:InvtRefundDetail/ceb:logisticsNo"));

        // the same tally again is a duplicate (answered, not forwarded again); another tally of the parcel is refused
        HttpResponse<String> again = post(tally);
        assertEquals(200, again.statusCode(), again.body());
        String info = ExportReturns.assertRefused(post(ExportReturns.tally(waybill, null)
                .replace("<ceb:coElNo>LH-1</ceb:coElNo>", "<ceb:coElNo>LH-2</ceb:coElNo>")), "CEB216Message", "RET-TALLY-CLOSED");
        assertTrue(info.contains("/GoodsReturn/TransportDocument"), info);
        assertTrue(info.startsWith("[Code:2999;Desc:退货已理货 return already tallied]"), info);
        assertTrue(adapter.takeForwarded(record(waybill), Duration.ofSeconds(1)).isEmpty(), "not forwarded twice");
    }

    @Test
    void a_tally_naming_the_inventory_of_the_return_closes_it() throws Exception {
        Filed f = ExportReturns.file(adapter, true);
        String waybill = ExportReturns.returnWaybill();
        assertEquals(200, adapter.post(Messages.utf8(ExportReturns.returnRequest(f, ExportReturns.SELLER, ExportReturns.ownNumber("TH"), "2",
                waybill)), ExportReturns.ENTERPRISE).statusCode());

        // naming another inventory, the parcel is no return the adapter knows
        ExportReturns.assertRefused(post(ExportReturns.tally(waybill, "53162026E999999999")), "CEB216Message", "RET-TALLY-NO-RETURN");
        HttpResponse<String> tallied = post(ExportReturns.tally(waybill, f.invtNo()));
        assertEquals(200, tallied.statusCode(), tallied.body());
        adapter.forwarded(record(waybill));
    }

    @Test
    void a_tally_of_a_parcel_no_accepted_return_brings_back_is_refused() throws Exception {
        String waybill = ExportReturns.returnWaybill();
        HttpResponse<String> response = post(ExportReturns.tally(waybill, null));

        ExportReturns.assertRefused(response, "CEB216Message", "RET-TALLY-NO-RETURN");
        assertTrue(adapter.takeForwarded(record(waybill), Duration.ofSeconds(1)).isEmpty(), "not forwarded");

        // a refused return request brings nothing back either
        Filed f = ExportReturns.file(adapter, true);
        ExportReturns.assertRefused(adapter.post(Messages.utf8(ExportReturns.returnRequest(f, ExportReturns.SELLER,
                ExportReturns.ownNumber("TH"), "5", waybill)), ExportReturns.ENTERPRISE), "CEB214Message", "RET-QUANTITY");
        HttpResponse<String> tally = post(ExportReturns.tally(waybill, null));
        String info = ExportReturns.assertRefused(tally, "CEB216Message", "RET-TALLY-NO-RETURN");
        assertFalse(tally.body().contains(f.invtNo()) || tally.body().contains(ExportReturns.SELLER), "nothing of the inventory:\n" + info);
    }

    @Test
    void a_tally_dropped_in_the_sites_inbox_is_answered_in_its_outbox() throws Exception {
        String waybill = acceptedReturn();
        String answer = Channels.answer(adapter, Channels.FILE, ExportReturns.SITE, Messages.utf8(ExportReturns.tally(waybill, null)));
        XdmNode ceb216 = engine.valid(Messages.utf8(answer));
        assertEquals("CEB216Message", Xml.value(ceb216, "local-name(/*)"));
        assertEquals("2", Xml.value(ceb216, "(//ceb:returnStatus)[1]"), answer);
        adapter.forwarded(record(waybill));
    }

    /** An accepted export return request; the waybill its goods come back under. */
    private static String acceptedReturn() throws Exception {
        Filed f = ExportReturns.file(adapter, true);
        String waybill = ExportReturns.returnWaybill();
        HttpResponse<String> accepted = adapter.post(Messages.utf8(ExportReturns.returnRequest(f, ExportReturns.SELLER,
                ExportReturns.ownNumber("TH"), "1", waybill)), ExportReturns.ENTERPRISE);
        assertEquals(200, accepted.statusCode(), accepted.body());
        adapter.forwarded(ExportReturns.ENTERPRISE + ":" + f.invtNo());
        return waybill;
    }

    private static String record(String waybill) {
        return ExportReturns.SITE + ":" + waybill;
    }

    private static HttpResponse<String> post(String xml) throws Exception {
        return adapter.post(Messages.utf8(xml), ExportReturns.SITE);
    }
}
