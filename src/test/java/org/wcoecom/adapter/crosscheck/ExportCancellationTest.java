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
import org.wcoecom.adapter.support.ExportReturns;
import org.wcoecom.adapter.support.ExportReturns.Filed;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.PartnerSigning;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Export inventory cancellations (CEB605) on a real adapter: the declaring agent filed an export
 * inventory and customs numbered it (CEB604); the agent asks to cancel it. The request is matched to
 * the export inventory of that agent by customs' number and the agent's own number of it, and
 * forwarded as a signed CEB605; one naming no export inventory of the agent, or naming it by a wrong own
 * number, is refused in a CEB606 (CAN-NO-INVENTORY); another agent cannot cancel it, and is not told it
 * exists; only declaring agents may send CEB605.
 */
class ExportCancellationTest {

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
    void a_cancellation_of_a_declared_export_inventory_is_forwarded_as_a_ceb605() throws Exception {
        Filed f = ExportReturns.file(adapter, false);
        HttpResponse<String> response = post(ExportReturns.cancellation(f.invtNo(), f.copNo()), ExportReturns.DECLARANT);

        assertEquals(200, response.statusCode(), response.body());
        XdmNode ceb606 = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB606Message", Xml.value(ceb606, "local-name(/*)"));
        XdmNode forwarded = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(ExportReturns.DECLARANT + ":" + f.invtNo()))));
        assertEquals("CEB605Message", Xml.value(forwarded, "local-name(/*)"));
        assertEquals(f.invtNo(), Xml.value(forwarded, "//ceb:InvtCancel/ceb:invtNo"));
        assertEquals(f.copNo(), Xml.value(forwarded, "//ceb:InvtCancel/ceb:copNo"));
        assertEquals("1", Xml.value(forwarded, "count(/*/*:Signature)"), "signed");
    }

    @Test
    void a_cancellation_naming_no_export_inventory_of_the_agent_is_refused() throws Exception {
        String unknown = "53162026E000000001";
        ExportReturns.assertRefused(post(ExportReturns.cancellation(unknown, "QD-NONE"), ExportReturns.DECLARANT), "CEB606Message",
                "CAN-NO-INVENTORY");
        assertTrue(adapter.takeForwarded(ExportReturns.DECLARANT + ":" + unknown, Duration.ofSeconds(1)).isEmpty(), "not forwarded");

        // customs' number of one inventory with the agent's own number of another
        Filed f = ExportReturns.file(adapter, false);
        ExportReturns.assertRefused(post(ExportReturns.cancellation(f.invtNo(), "QD-OTHER"), ExportReturns.DECLARANT), "CEB606Message",
                "CAN-NO-INVENTORY");
        assertTrue(adapter.takeForwarded(ExportReturns.DECLARANT + ":" + f.invtNo(), Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void another_agent_cannot_cancel_the_inventory_and_is_not_told_it_exists() throws Exception {
        Filed f = ExportReturns.file(adapter, false);
        String theirs = ExportReturns.cancellation(f.invtNo(), f.copNo()).replace("4403966888", ExportReturns.OTHER_AGENT_CODE);
        HttpResponse<String> response = post(theirs, ExportReturns.OTHER_DECLARANT);

        String info = ExportReturns.assertRefused(response, "CEB606Message", "CAN-NO-INVENTORY");
        assertFalse(response.body().contains(f.orderNo()) || response.body().contains(f.logisticsNo()), info);
        assertTrue(adapter.takeForwarded(ExportReturns.OTHER_DECLARANT + ":" + f.invtNo(), Duration.ofSeconds(1)).isEmpty(),
                "not forwarded");
    }

    @Test
    void only_declaring_agents_may_send_ceb605() throws Exception {
        Filed f = ExportReturns.file(adapter, false);
        String byEnterprise = ExportReturns.cancellation(f.invtNo(), f.copNo()).replace("4403966888", ExportReturns.SELLER);
        HttpResponse<String> response = adapter.post(Messages.utf8(byEnterprise), ExportReturns.ENTERPRISE);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("may not send ceb605"), response.body());
    }

    /** The agent signs with its key (its certificate is configured); the other agent sends unsigned (CEB605 need not be signed). */
    private static HttpResponse<String> post(String xml, String partner) throws Exception {
        byte[] body = Messages.utf8(xml);
        return adapter.post(ExportReturns.DECLARANT.equals(partner) ? PartnerSigning.declarant().sign(body) : body, partner);
    }
}
