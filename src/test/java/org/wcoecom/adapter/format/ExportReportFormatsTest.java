package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.message.IngressResult;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * What the export formats around the inventory decide beyond their schema (arrival and departure
 * reports, the master/sub list, the summary, returns): a report split over several messages is one
 * record per part and is answered per part; the receipts carry every key their schema requires even
 * before customs gave one; a document of the wrong kind or direction is not written in them.
 */
class ExportReportFormatsTest {

    private final Translations engine = new Translations();

    @Test
    void each_part_of_a_split_report_is_a_record_and_its_receipt_names_the_part() throws Exception {
        Format ceb507 = engine.formats().byId("ceb507").orElseThrow();
        XdmNode message = engine.valid(Project.bytes(Project.examples("ceb507").resolve("arrival-split.xml")));
        List<Format.RecordRef> records = ceb507.records(message);
        assertEquals(List.of("YD-20261125-090000-0001-SPLIT1/2", "YD20261125090000002/1"),
                records.stream().map(Format.RecordRef::key).toList());

        XdmNode ceb508 = engine.valid(acceptedReceipt(ceb507, message, records));
        assertEquals("CEB508Message", Xml.value(ceb508, "local-name(/*)"));
        assertEquals(List.of("2", "1"), Xml.values(ceb508, "//ceb:ArrivalReturn/ceb:msgSeqNo"));
        assertEquals(List.of("4403CY2026112509000000000000000000001", "784-20261125"), Xml.values(ceb508, "//ceb:ArrivalReturn/ceb:billNo"));
        // no pre-entry number yet: the receipt's required 18 characters are zeros
        assertEquals(List.of("000000000000000000"), Xml.values(ceb508, "//ceb:preNo").stream().distinct().toList());
    }

    @Test
    void a_part_after_the_last_is_refused_where_it_is() {
        String report = Project.read(Project.examples("ceb509").resolve("departure-typical.xml"))
                .replace("<ceb:msgSeqNo>1</ceb:msgSeqNo>", "<ceb:msgSeqNo>3</ceb:msgSeqNo>");
        byte[] message = report.getBytes(StandardCharsets.UTF_8);
        assertTrue(engine.read(message).valid(), "the schema allows any part number");
        TranslationException e = assertThrows(TranslationException.class, () -> engine.toCanonical(message));
        assertEquals("VALUE_INVALID", e.errors().get(0).code());
        assertEquals("/CEB509Message/Departure[1]/DepartureHead[1]/msgSeqNo[1]", e.errors().get(0).path());
    }

    @Test
    void an_arrival_is_not_written_as_a_departure_nor_an_import_return_as_an_export_one() {
        byte[] arrival = Project.bytes(Project.examples("ceb507").resolve("arrival-typical.canonical.xml"));
        TranslationException wrongMovement = assertThrows(TranslationException.class, () -> engine.fromCanonical("ceb509", arrival));
        assertEquals("/GoodsMovement/Movement[1]", wrongMovement.errors().get(0).path());

        byte[] importReturn = Project.bytes(Project.examples("ceb625").resolve("return-minimal.canonical.xml"));
        TranslationException wrongDirection = assertThrows(TranslationException.class, () -> engine.fromCanonical("ceb213", importReturn));
        assertEquals("/GoodsReturn/TradeDirection[1]", wrongDirection.errors().get(0).path());

        byte[] tally = Project.bytes(Project.examples("ceb215").resolve("tally-typical.canonical.xml"));
        TranslationException tallyAsRequest = assertThrows(TranslationException.class, () -> engine.fromCanonical("ceb213", tally));
        assertEquals("VALUE_INVALID", tallyAsRequest.errors().get(0).code());
    }

    @Test
    void a_return_of_an_overseas_platform_is_answered_as_none() throws Exception {
        Format ceb213 = engine.formats().byId("ceb213").orElseThrow();
        XdmNode message = engine.valid(Project.bytes(Project.examples("ceb213").resolve("return-minimal.xml")));
        List<Format.RecordRef> records = ceb213.records(message);
        assertTrue(!records.get(0).references().containsKey("PLATFORM_CODE"), records.get(0).references().toString());
        XdmNode ceb214 = engine.valid(acceptedReceipt(ceb213, message, records));
        assertEquals("无", Xml.value(ceb214, "//ceb:RefundReturn/ceb:ebpCode"));
        assertEquals("53162026E000000077", Xml.value(ceb214, "//ceb:RefundReturn/ceb:invtNo"));
    }

    @Test
    void a_summary_for_a_period_gives_its_bounds_and_a_blank_item_name_flag_is_kept() throws Exception {
        XdmNode summary = Xml.parse(engine.toCanonicalFile(Project.bytes(Project.examples("ceb701").resolve("summary-period.xml"))));
        assertEquals("2026-11-01T00:00:00", Xml.value(summary, "/c:SummaryDeclaration/c:Period/c:Start"));
        assertEquals("2026-11-30T23:59:59", Xml.value(summary, "/c:SummaryDeclaration/c:Period/c:End"));
        assertEquals(List.of("CN-SUMMARY-FLAG"), Xml.values(summary, "/c:SummaryDeclaration/c:Grouping/@scheme"));
        byte[] back = engine.fromCanonical("ceb701", Project.bytes(Project.examples("ceb701").resolve("summary-period.canonical.xml")));
        assertEquals(" ", Xml.value(engine.valid(back), "//ceb:itemNameFlag"));
    }

    private byte[] acceptedReceipt(Format format, XdmNode message, List<Format.RecordRef> records) throws Exception {
        ReceiptService receipts = new ReceiptService(engine.formats(), engine.translator(), PartnerDirectory.load(Optional.empty()),
                "ceb312", ZoneId.of("Asia/Shanghai"));
        var documents = engine.translator().toCanonical(format, message, Map.of("partner", "sender"));
        return receipts.accepted(new IngressResult("sender", "http", format, format.messageId(message), records,
                documents, Collections.nCopies(documents.size(), false))).xml();
    }
}
