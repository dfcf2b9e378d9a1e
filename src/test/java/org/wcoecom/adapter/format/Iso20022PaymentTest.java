package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.XmlError;

/**
 * The ISO 20022 payment formats (camt054, pacs008) as payments for China customs: every example's
 * payments become CEB411 payment vouchers as egress writes them (valid, version 1.0 whatever the
 * ISO version, the payment enterprise and platform from mappings/iso20022-common); the records a
 * message's format.yaml selects are the documents its stylesheet makes, key for key; what a voucher
 * cannot be made of is refused with its own code and the element at fault.
 */
class Iso20022PaymentTest {

    private final Translations engine = new Translations();

    static Stream<Path> examples() {
        return Stream.of("camt054", "pacs008").flatMap(f -> Project.partnerExamples(f).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_payment_becomes_a_valid_ceb411_voucher(Path example) throws Exception {
        for (CanonicalDocument payment : engine.toCanonical(Project.bytes(example))) {
            XdmNode ceb411 = Xml.parse(ceb411(payment));
            assertEquals("1.0", Xml.value(ceb411, "/ceb:CEB411Message/@version"), "an ISO version is no CEB version");
            assertEquals("3120980022", Xml.value(ceb411, "//ceb:payCode"));
            assertEquals("演示银行股份有限公司上海分行", Xml.value(ceb411, "//ceb:payName"));
            assertEquals("3120966001", Xml.value(ceb411, "//ceb:ebpCode"));
            assertEquals("3120980022", Xml.value(ceb411, "//ceb:BaseTransfer/ceb:copCode"));
            assertEquals("DXPENT0000980022", Xml.value(ceb411, "//ceb:BaseTransfer/ceb:dxpId"));
            assertEquals("142", Xml.value(ceb411, "//ceb:currency"));
            assertTrue(Xml.value(ceb411, "//ceb:orderNo").startsWith("YX2026112"), Xml.value(ceb411, "//ceb:orderNo"));
            assertEquals(payment.recordId().substring(payment.recordId().indexOf(':') + 1), Xml.value(ceb411, "//ceb:payTransactionId"));
        }
    }

    @Test
    void every_ceb411_voucher_is_valid_against_the_official_customs_schema() throws Exception {
        var official = Project.officialCebSchema("ceb411");
        for (Path example : examples().toList()) {
            for (CanonicalDocument payment : engine.toCanonical(Project.bytes(example))) {
                assertEquals(List.of(), Xml.errors(official, ceb411(payment)), example + " " + payment.recordId());
            }
        }
    }

    @Test
    void the_voucher_says_what_the_bank_said() throws Exception {
        List<CanonicalDocument> payments = engine.toCanonical(example("camt054", "notification-batch.xml"));
        assertEquals(List.of("DEMOCNSHXXX:DEMO2026112014300001", "DEMOCNSHXXX:DEMO2026112014300002", "DEMOCNSHXXX:DEMO2026112014300003"),
                payments.stream().map(CanonicalDocument::recordId).toList(), "the booked credits' transactions only, the bank's references as keys");
        XdmNode card = Xml.parse(ceb411(payments.get(1)));
        assertEquals("688.00", Xml.value(card, "//ceb:amountPaid"), "the CNY amount booked, not the EUR instructed");
        assertEquals("2", Xml.value(card, "//ceb:payerIdType"), "a passport is another identity document");
        assertEquals("E12345678", Xml.value(card, "//ceb:payerIdNumber"));
        assertEquals("YX20261121091500017", Xml.value(card, "//ceb:orderNo"));
        assertEquals("20261120143851", Xml.value(card, "//ceb:payTime"), "the acceptance time, in China time");
        XdmNode unstructured = Xml.parse(ceb411(payments.get(2)));
        assertEquals("YX20261121091502018", Xml.value(unstructured, "//ceb:orderNo"), "订单号：... in unstructured remittance information");
        assertEquals("1", Xml.value(unstructured, "//ceb:payerIdType"));
        assertEquals("20261120144500", Xml.value(unstructured, "//ceb:payTime"), "the booking time when the transaction gives none");

        List<CanonicalDocument> transfers = engine.toCanonical(example("pacs008", "credit-transfer-batch.xml"));
        XdmNode settled = Xml.parse(ceb411(transfers.get(0)));
        assertEquals("699.00", Xml.value(settled, "//ceb:amountPaid"), "settled in CNY, instructed in USD");
        assertEquals("3d9a6f10-2b7c-4e85-a1f4-6c0d8e2b7a95", Xml.value(settled, "//ceb:payTransactionId"), "the UETR first");
        assertEquals("DEMO2026112100000513", Xml.value(Xml.parse(ceb411(transfers.get(1))), "//ceb:payTransactionId"),
                "the transaction id when there is no UETR and the end to end id is NOTPROVIDED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void the_records_of_format_yaml_are_the_documents_of_the_stylesheet(Path example) throws Exception {
        byte[] message = Project.bytes(example);
        Format format = engine.read(message).format().orElseThrow();
        List<String> keys = format.records(engine.valid(message)).stream().map(Format.RecordRef::key).toList();
        List<String> documents = engine.toCanonical(message).stream()
                .map(d -> d.recordId().substring(d.recordId().indexOf(':') + 1)).toList();
        assertEquals(documents, keys);
        assertEquals(keys, format.records(engine.valid(message)).stream().map(r -> r.references().get("PAYMENT_TRANSACTION_ID")).toList());
    }

    @Test
    void what_a_voucher_cannot_be_made_of_is_refused_with_the_element_at_fault() throws Exception {
        String single = text("camt054", "notification-single.xml");
        String payer = "/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/RltdPties[1]/Dbtr[1]/Pty[1]";
        refused(single.replaceAll("(?s)<Id>\\s*<PrvtId>.*?</PrvtId>\\s*</Id>", ""), "PAYER_ID_MISSING", payer);
        refused(single.replace("<Nm>陈晓</Nm>", "<Nm>" + "陈".repeat(61) + "</Nm>"), "PAYER_NAME_TOO_LONG", payer + "/Nm[1]");
        refused(single.replace("订单号 YX20261123080000099", "Order payment, thank you"), "ORDER_NUMBER_MISSING",
                "/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/RmtInf[1]");
        refused(single.replace("Ccy=\"CNY\"", "Ccy=\"USD\""), "CURRENCY_NOT_CNY",
                "/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/Amt[1]");
        refused(single.replace("<BICFI>DEMOCNSH</BICFI>", "<BICFI>OTHRCNSH</BICFI>"), "PAYMENT_ENTERPRISE_UNKNOWN",
                "/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Acct[1]/Svcr[1]/FinInstnId[1]/BICFI[1]");
        refused(single.replace("<Id>31001588800050001234</Id>", "<Id>31001588800050009999</Id>"), "PLATFORM_UNKNOWN",
                "/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Acct[1]/Id[1]/Othr[1]/Id[1]");
        refused(single.replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtInd>"), "NO_PAYMENTS",
                "/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]");

        String transfers = text("pacs008", "credit-transfer-batch.xml");
        refused(transfers.replace("<IntrBkSttlmAmt Ccy=\"CNY\">699.00</IntrBkSttlmAmt>", "<IntrBkSttlmAmt Ccy=\"USD\">97.50</IntrBkSttlmAmt>"),
                "CURRENCY_NOT_CNY", "/Document/FIToFICstmrCdtTrf[1]/CdtTrfTxInf[1]/IntrBkSttlmAmt[1]");
        refused(transfers.replace("<TxId>DEMO2026112100000513</TxId>", ""), "PAYMENT_REFERENCE_MISSING",
                "/Document/FIToFICstmrCdtTrf[1]/CdtTrfTxInf[2]");
    }

    private void refused(String message, String code, String path) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        engine.valid(bytes);
        TranslationException e = assertThrows(TranslationException.class, () -> engine.toCanonical(bytes), code);
        XmlError error = e.errors().get(0);
        assertEquals(code, error.code(), error.describe());
        assertEquals(path, error.path(), error.describe());
        assertTrue(error.line() > 0, error.describe());
    }

    /** A canonical payment as egress writes it for customs: a new message guid, validated against our CEB411 schema. */
    private byte[] ceb411(CanonicalDocument payment) throws TranslationException {
        return engine.translator().fromCanonical(engine.formats().byId("ceb411").orElseThrow(), payment.tree(),
                Map.of("message-guid", "0C6E8A2D-4F61-4B83-9D05-7E9A1C3E5F71"));
    }

    private static byte[] example(String format, String name) {
        return Project.bytes(Project.examples(format).resolve(name));
    }

    private static String text(String format, String name) {
        return new String(example(format, name), StandardCharsets.UTF_8);
    }
}
