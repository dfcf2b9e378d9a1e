package org.wcoecom.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A bank (partner demo-bank, sender code its BIC) sends ISO 20022 payment messages over HTTP and is
 * answered in pain.002: a camt.054 is accepted (ACCP) and its payments reach customs.ceb.out as valid
 * CEB411 vouchers; the same notification again is answered as duplicates (RJCT, AM05) and nothing
 * goes to customs twice; an invalid one is rejected (RJCT) with ISO reasons and the element path,
 * line and column of each error; a pacs.008 is taken the same way; and the three-document check's
 * later answer reaches the bank in pain.002 too.
 */
@ExtendWith(RunningAdapter.class)
class Iso20022BankTest {

    static final String BANK = "demo-bank";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Translations engine = new Translations();

    @Test
    void a_notification_is_accepted_in_pain002_and_its_payments_reach_customs_as_ceb411() throws Exception {
        String run = run();
        HttpResponse<String> r = RunningAdapter.post(notification(run), BANK);
        assertEquals(200, r.statusCode(), r.body());
        XdmNode pain002 = pain002(r.body());
        assertEquals("ACCP", Xml.value(pain002, "//*:OrgnlGrpInfAndSts/*:GrpSts"), r.body());
        assertEquals("camt.054.001.08", Xml.value(pain002, "//*:OrgnlMsgNmId"));
        assertEquals("N-" + run, Xml.value(pain002, "//*:OrgnlMsgId"));
        assertEquals("NTF-20261120-31001588", Xml.value(pain002, "//*:OrgnlPmtInfId"));
        assertEquals(List.of("ACCP", "ACCP", "ACCP"), Xml.values(pain002, "//*:TxInfAndSts/*:TxSts/string()"));
        assertEquals(List.of("YX20261120143005001-P1", "YX20261121091500017-P1"), Xml.values(pain002, "//*:OrgnlEndToEndId/string()"));

        for (int n = 1; n <= 3; n++) {
            byte[] voucher = RunningAdapter.text(RunningAdapter.forwarded(BANK + ":" + key(run, n))).getBytes(StandardCharsets.UTF_8);
            XdmNode ceb411 = engine.valid(voucher);
            assertEquals("1.0", Xml.value(ceb411, "/ceb:CEB411Message/@version"));
            assertEquals(key(run, n), Xml.value(ceb411, "//ceb:payTransactionId"));
            assertEquals("3120980022", Xml.value(ceb411, "//ceb:payCode"));
            assertEquals("3120966001", Xml.value(ceb411, "//ceb:ebpCode"));
            assertEquals("3120980022", Xml.value(ceb411, "//ceb:BaseTransfer/ceb:copCode"));
            if (Files.isDirectory(Project.root().resolve("../shared/reference/ceb/xsd-202205"))) {
                assertEquals(List.of(), Xml.errors(Project.officialCebSchema("ceb411"), voucher), "official CEB schema");
            }
        }
    }

    @Test
    void the_same_notification_again_is_answered_as_duplicates_and_not_forwarded_again() throws Exception {
        String run = run();
        byte[] notification = notification(run);
        assertEquals(200, RunningAdapter.post(notification, BANK).statusCode());
        for (int n = 1; n <= 3; n++) {
            RunningAdapter.forwarded(BANK + ":" + key(run, n));
        }
        HttpResponse<String> again = RunningAdapter.post(notification, BANK);
        assertEquals(200, again.statusCode(), again.body());
        XdmNode pain002 = pain002(again.body());
        assertEquals("RJCT", Xml.value(pain002, "//*:OrgnlGrpInfAndSts/*:GrpSts"), again.body());
        assertEquals(List.of("RJCT", "RJCT", "RJCT"), Xml.values(pain002, "//*:TxInfAndSts/*:TxSts/string()"));
        assertEquals(List.of("AM05", "AM05", "AM05"), Xml.values(pain002, "//*:TxInfAndSts/*:StsRsnInf/*:Rsn/*:Cd/string()"));
        assertTrue(Xml.value(pain002, "//*:TxInfAndSts[1]/*:StsRsnInf/*:AddtlInf").contains("already received"), again.body());
        for (int n = 1; n <= 3; n++) {
            assertTrue(RunningAdapter.takeForwarded(BANK + ":" + key(run, n), Duration.ofSeconds(n == 1 ? 3 : 1)).isEmpty(),
                    "payment " + n + " forwarded twice");
        }
    }

    @Test
    void an_invalid_notification_is_rejected_with_the_reason_and_element_path_of_each_error() throws Exception {
        String run = run();
        String invalid = new String(notification(run), StandardCharsets.UTF_8)
                .replace("<Amt Ccy=\"CNY\">688.00</Amt>", "<Amt Ccy=\"CNY\">688.000001</Amt>");
        HttpResponse<String> r = RunningAdapter.post(invalid.getBytes(StandardCharsets.UTF_8), BANK);
        assertEquals(400, r.statusCode(), r.body());
        XdmNode pain002 = pain002(r.body());
        assertEquals("RJCT", Xml.value(pain002, "//*:OrgnlGrpInfAndSts/*:GrpSts"), r.body());
        assertEquals(List.of("RJCT", "RJCT", "RJCT"), Xml.values(pain002, "//*:TxInfAndSts/*:TxSts/string()"));
        String second = String.join(" ", Xml.values(pain002, "//*:TxInfAndSts[2]/*:StsRsnInf[*:Rsn/*:Cd = 'FF02']/*:AddtlInf/string()"));
        assertTrue(second.matches("SCHEMA_INVALID \\d+:\\d+ /Document/BkToCstmrDbtCdtNtfctn\\[1]/Ntfctn\\[1]/Ntry\\[1]/NtryDtls\\[1]/TxDtls\\[2]/Amt\\[1] .*"),
                r.body());
        assertTrue(Xml.values(pain002, "//*:TxInfAndSts[1]/*:StsRsnInf/*:Rsn/*:Cd/string()").contains("NARR"),
                "the other payments are refused with the message: " + r.body());
        for (int n = 1; n <= 3; n++) {
            assertTrue(RunningAdapter.takeForwarded(BANK + ":" + key(run, n), Duration.ofMillis(n == 1 ? 1500 : 200)).isEmpty());
        }
    }

    @Test
    void a_payment_a_customs_voucher_cannot_be_made_of_is_refused_with_its_iso_reason() throws Exception {
        String run = run();
        String noIdentity = new String(notification(run), StandardCharsets.UTF_8).replaceFirst("(?s)<Id>\\s*<PrvtId>.*?</PrvtId>\\s*</Id>", "");
        HttpResponse<String> r = RunningAdapter.post(noIdentity.getBytes(StandardCharsets.UTF_8), BANK);
        assertEquals(400, r.statusCode(), r.body());
        XdmNode pain002 = pain002(r.body());
        String first = String.join(" ", Xml.values(pain002, "//*:TxInfAndSts[1]/*:StsRsnInf[*:Rsn/*:Cd = 'RR01']/*:AddtlInf/string()"));
        assertTrue(first.startsWith("PAYER_ID_MISSING ") && first.contains(
                "/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/RltdPties[1]/Dbtr[1]/Pty[1]"), r.body());
    }

    @Test
    void a_bank_cannot_send_for_another_bank() throws Exception {
        String other = new String(notification(run()), StandardCharsets.UTF_8).replace("<BICFI>DEMOCNSHXXX</BICFI>", "<BICFI>OTHRCNSHXXX</BICFI>");
        HttpResponse<String> r = RunningAdapter.post(other.getBytes(StandardCharsets.UTF_8), BANK);
        assertEquals(400, r.statusCode(), r.body());
        String reasons = String.join(" ", Xml.values(pain002(r.body()), "//*:StsRsnInf[*:Rsn/*:Cd = 'AG08']/*:AddtlInf/string()"));
        assertTrue(reasons.contains("SENDER_NOT_AUTHORISED") && reasons.contains("OTHRCNSHXXX")
                && reasons.contains("/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Acct[1]/Svcr[1]/FinInstnId[1]/BICFI[1]"), r.body());
    }

    @Test
    void what_is_not_xml_is_answered_in_pain002_too() throws Exception {
        HttpResponse<String> r = RunningAdapter.post("a bank statement, not XML".getBytes(StandardCharsets.UTF_8), BANK);
        assertEquals(400, r.statusCode(), r.body());
        XdmNode pain002 = pain002(r.body());
        assertEquals("RJCT", Xml.value(pain002, "//*:GrpSts"));
        assertEquals("NOTPROVIDED", Xml.value(pain002, "//*:OrgnlMsgId"));
        assertEquals("FF01", Xml.value(pain002, "//*:OrgnlGrpInfAndSts/*:StsRsnInf/*:Rsn/*:Cd"), r.body());
    }

    @Test
    void a_credit_transfer_is_accepted_and_its_payments_forwarded() throws Exception {
        String uetr = UUID.randomUUID().toString();
        String tx = "DEMO" + System.nanoTime();
        String transfers = text("pacs008", "credit-transfer-batch.xml").replace("3d9a6f10-2b7c-4e85-a1f4-6c0d8e2b7a95", uetr)
                .replace("DEMO2026112100000513", tx);
        HttpResponse<String> r = RunningAdapter.post(transfers.getBytes(StandardCharsets.UTF_8), BANK);
        assertEquals(200, r.statusCode(), r.body());
        XdmNode pain002 = pain002(r.body());
        assertEquals("pacs.008.001.09", Xml.value(pain002, "//*:OrgnlMsgNmId"));
        assertEquals(List.of(uetr), Xml.values(pain002, "//*:OrgnlUETR/string()"));
        XdmNode settled = engine.valid(RunningAdapter.text(RunningAdapter.forwarded(BANK + ":" + uetr)).getBytes(StandardCharsets.UTF_8));
        assertEquals("699.00", Xml.value(settled, "//ceb:amountPaid"));
        RunningAdapter.forwarded(BANK + ":" + tx);
    }

    @Test
    void the_three_document_check_answers_the_bank_later_in_pain002() throws Exception {
        String run = run();
        assertEquals(200, RunningAdapter.post(notification(run), BANK).statusCode());
        // no order and no waybill come for these payments: the check times out
        String later = CrossCheck.laterReceipt(BANK, BANK + ":" + key(run, 1),
                Duration.ofMillis(RunningAdapter.CROSSCHECK_TIMEOUT_MS * 4L)).orElseThrow();
        XdmNode pain002 = pain002(later);
        assertEquals("RJCT", Xml.value(pain002, "//*:TxInfAndSts/*:TxSts"), later);
        String reasons = String.join(" ", Xml.values(pain002, "//*:TxInfAndSts/*:StsRsnInf/*:AddtlInf/string()"));
        assertTrue(reasons.contains("payment " + key(run, 1)) && reasons.contains("CC-TIMEOUT"), later);
    }

    /** The receipt, valid against our pain.002 schema. */
    private XdmNode pain002(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals("pain002", engine.read(bytes).format().orElseThrow().id(), body);
        return engine.valid(bytes);
    }

    /** A run of its own, so that this test's records are new whatever ran before in the same adapter. */
    private static String run() {
        return Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase() + "-" + RUNS.incrementAndGet();
    }

    /** The bank's reference of the n-th payment (from 1) of a run's notification. */
    private static String key(String run, int n) {
        return "D-" + run + "-" + n;
    }

    /** The example notification of three payments, with the run's message id and bank references. */
    private static byte[] notification(String run) {
        String text = text("camt054", "notification-batch.xml").replace("DEMOCNSH-N-20261120-0001", "N-" + run);
        for (int n = 1; n <= 3; n++) {
            text = text.replace("DEMO202611201430000" + n, key(run, n));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String format, String name) {
        return new String(Project.bytes(Project.examples(format).resolve(name)), StandardCharsets.UTF_8);
    }
}
