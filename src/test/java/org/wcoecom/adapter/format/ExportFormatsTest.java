package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.message.IngressResult;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.security.SenderIdentity;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.XmlError;

/**
 * What the export formats decide beyond their schema: an empty value the export schema allows but a
 * record cannot do without is refused where it is; an empty element with a default means its
 * default; an import document is not written as an export one; the order type follows the procedure;
 * a platform without a customs code (无) is nobody's sender code and is answered as 无.
 */
class ExportFormatsTest {

    private final Translations engine = new Translations();

    @Test
    void an_empty_order_number_passes_the_export_schema_but_is_refused_where_it_is() {
        String order = example("ceb303", "order-minimal.xml")
                .replace("<ceb:orderNo>EX20261124101500001</ceb:orderNo>", "<ceb:orderNo></ceb:orderNo>");
        byte[] message = order.getBytes(StandardCharsets.UTF_8);
        assertTrue(engine.read(message).valid(), "the export schema lets orderNo be empty");

        TranslationException e = assertThrows(TranslationException.class, () -> engine.toCanonical(message));
        XmlError error = e.errors().get(0);
        assertEquals("VALUE_INVALID", error.code());
        assertEquals("/CEB303Message/Order[1]/OrderHead[1]/orderNo[1]", error.path());
        assertTrue(error.line() > 0, error.toString());
    }

    @Test
    void an_empty_element_with_a_schema_default_means_the_default() throws Exception {
        String order = example("ceb303", "order-minimal.xml")
                .replace("<ceb:appStatus>2</ceb:appStatus>", "<ceb:appStatus/>")
                .replace("<ceb:freight>0</ceb:freight>", "<ceb:freight></ceb:freight>");
        XdmNode canonical = Xml.parse(engine.toCanonicalFile(order.getBytes(StandardCharsets.UTF_8)));
        assertEquals("SAVED", Xml.value(canonical, "/c:Order/c:Header/c:FilingStatus"));
        assertEquals("1", Xml.value(canonical, "/c:Order/c:Header/c:FilingStatus/@sourceCode"));
        assertEquals(0, new java.math.BigDecimal(Xml.value(canonical, "/c:Order/c:Freight")).signum());

        String waybill = example("ceb505", "waybill-minimal.xml").replace("<ceb:appStatus>2</ceb:appStatus>", "<ceb:appStatus/>");
        XdmNode shipment = Xml.parse(engine.toCanonicalFile(waybill.getBytes(StandardCharsets.UTF_8)));
        assertEquals("FILED", Xml.value(shipment, "/c:Shipment/c:Header/c:FilingStatus"));
    }

    @Test
    void an_import_order_is_not_written_as_an_export_order() {
        byte[] importOrder = Project.bytes(Project.examples("ceb311").resolve("order-minimal.canonical.xml"));
        TranslationException e = assertThrows(TranslationException.class, () -> engine.fromCanonical("ceb303", importOrder));
        assertEquals("VALUE_INVALID", e.errors().get(0).code());
        assertEquals("/Order/TradeDirection[1]", e.errors().get(0).path());
        assertTrue(e.errors().get(0).message().contains("import"), e.errors().toString());
    }

    @Test
    void an_order_from_elsewhere_gets_the_order_type_of_its_procedure() throws Exception {
        String kept = example("ceb303", "order-minimal.canonical.xml");
        String noType = kept.replace("<c:TradeDirection sourceCode=\"E\">EXPORT</c:TradeDirection>",
                "<c:TradeDirection>EXPORT</c:TradeDirection>");
        assertEquals("E", orderType(noType));
        for (Map.Entry<String, String> e : Map.of("9710", "B", "9810", "W", "9610", "E").entrySet()) {
            String withProcedure = noType.replace("<c:TradeDirection>EXPORT</c:TradeDirection>",
                    "<c:TradeDirection>EXPORT</c:TradeDirection><c:Procedure scheme=\"CN-SUPERVISION-MODE\">" + e.getKey() + "</c:Procedure>");
            assertEquals(e.getValue(), orderType(withProcedure), "procedure " + e.getKey());
        }
    }

    @Test
    void a_platform_without_a_customs_code_is_no_sender_code_and_is_answered_as_none() throws Exception {
        Format format = engine.formats().byId("ceb303").orElseThrow();
        XdmNode message = engine.valid(Project.bytes(Project.examples("ceb303").resolve("order-multi.xml")));
        List<Format.RecordRef> records = format.records(message);
        assertEquals("OW-DE-2026-000815", records.get(2).key());
        assertFalse(records.get(2).references().containsKey("PLATFORM_CODE"), records.get(2).references().toString());

        Partner platform = new Partner("hq-platform", "platform", "platform", List.of("4403966101"), List.of("ceb303"), Optional.empty());
        assertEquals(List.of(), SenderIdentity.check(platform, format, message, records));
        Partner stranger = new Partner("stranger", "a stranger", "platform", List.of("4403966101x"), List.of("ceb303"), Optional.empty());
        // the sender code and the two orders with a platform code: never the order without one
        assertEquals(3, SenderIdentity.check(stranger, format, message, records).size());

        ReceiptService receipts = new ReceiptService(engine.formats(), engine.translator(), PartnerDirectory.load(Optional.empty()),
                "ceb312", ZoneId.of("Asia/Shanghai"));
        var documents = engine.translator().toCanonical(format, message, Map.of("partner", "hq-platform"));
        byte[] receipt = receipts.accepted(new IngressResult("hq-platform", "http", format, format.messageId(message), records,
                documents, java.util.Collections.nCopies(documents.size(), false))).xml();
        XdmNode ceb304 = engine.valid(receipt);
        assertEquals("CEB304Message", Xml.value(ceb304, "local-name(/*)"));
        assertEquals("无", Xml.value(ceb304, "//ceb:OrderReturn[ceb:orderNo = 'OW-DE-2026-000815']/ceb:ebpCode"));
        assertEquals("4403966101", Xml.value(ceb304, "//ceb:OrderReturn[ceb:orderNo = 'EX20261124110203001']/ceb:ebpCode"));
    }

    private String orderType(String canonical) throws Exception {
        byte[] ceb303 = engine.fromCanonical("ceb303", canonical.getBytes(StandardCharsets.UTF_8));
        return Xml.value(engine.valid(ceb303), "//ceb:orderType");
    }

    private static String example(String format, String name) {
        return Project.read(Project.examples(format).resolve(name));
    }
}
