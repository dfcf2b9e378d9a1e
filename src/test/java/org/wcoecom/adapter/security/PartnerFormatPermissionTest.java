package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.jms.Message;

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
 * A partner sends only the formats its entry in the partners file allows, and declarations come only
 * from declarants: nobody else gets a declaration signed with the declarant's key. A declaration that
 * leaves is screened and carries the adapter's tax estimate, whoever made it.
 */
class PartnerFormatPermissionTest {

    @TempDir
    static Path data;
    private static TestAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        adapter = new TestAdapter(data);
        // the copy offered to overseas customs stays on its queue, where the test reads the canonical declaration
        adapter.runtime().camel().getRouteController().stopRoute("egress-soap-declaration");
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void a_platform_cannot_send_a_declaration_even_under_its_own_code() throws Exception {
        String orderNo = Messages.orderNo("PERM-DECL");
        String ceb621 = inventory(orderNo).replace("3120966888", "3120966001");
        var response = adapter.post(Messages.utf8(ceb621), "demo-platform");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("may not send ceb621"), response.body());
        assertTrue(adapter.takeForwarded("demo-platform:" + orderNo, Duration.ofSeconds(1)).isEmpty(), "nothing signed and forwarded");
    }

    @Test
    void a_carrier_cannot_send_an_order() throws Exception {
        String orderNo = Messages.orderNo("PERM-ORDER");
        String order = Messages.single(orderNo).replace("3120966001", "3120968001");
        var response = adapter.post(Messages.utf8(order), "demo-logistics");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("may not send ceb311"), response.body());
    }

    @Test
    void a_declarants_declaration_of_prohibited_goods_is_refused() throws Exception {
        String orderNo = Messages.orderNo("PERM-SCREEN");
        String ceb621 = inventory(orderNo).replaceFirst("<ceb:gcode>1901101010</ceb:gcode>", "<ceb:gcode>0106190090</ceb:gcode>");
        var response = adapter.post(PartnerSigning.declarant().sign(Messages.utf8(ceb621)), "demo-declarant");
        assertEquals(400, response.statusCode(), response.body());
        var ceb622 = new Translations().valid(Messages.utf8(response.body()));
        assertEquals("100", Xml.value(ceb622, "//ceb:returnStatus"));
        assertTrue(String.join(" ", Xml.values(ceb622, "//ceb:returnInfo")).contains("SCREEN-PROHIBITED"), response.body());
        assertTrue(adapter.takeForwarded("demo-declarant:" + orderNo, Duration.ofSeconds(1)).isEmpty(), "not forwarded");
    }

    @Test
    void a_declarants_declaration_leaves_with_the_adapters_tax_estimate() throws Exception {
        String orderNo = Messages.orderNo("PERM-TAX");
        var response = adapter.post(PartnerSigning.declarant().sign(Messages.utf8(inventory(orderNo))), "demo-declarant");
        assertEquals(200, response.statusCode(), response.body());
        adapter.forwarded("demo-declarant:" + orderNo);
        Message copy = adapter.take("exchange.declaration", "AdapterRecordId = 'demo-declarant:" + orderNo + "'", TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("no canonical declaration"));
        var canonical = Xml.parse(TestAdapter.text(copy));
        assertEquals("ESTIMATE", Xml.value(canonical, "//*[local-name()='TaxAssessment']/*[local-name()='Basis']"));
    }

    private static String inventory(String orderNo) {
        return Project.read(Project.examples("ceb621").resolve("inventory-single.xml")).replace("YX20261120143005001", orderNo);
    }
}
