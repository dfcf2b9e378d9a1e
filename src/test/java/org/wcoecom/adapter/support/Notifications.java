package org.wcoecom.adapter.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * camt.054.001.08 batch files of the demo bank, as large as asked, written as they are made (a
 * file of any size takes no memory): a group header, notifications of the demo platform's
 * collection account each with its id, account and servicer before its entries and additional
 * information after them, booked credit entries of two buyers' payments each, and supplementary
 * data after the last notification. Every payment has a bank reference of its own.
 */
public final class Notifications {

    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    private Notifications() {
    }

    /** The bank reference of payment p (from 1) of entry e (from 1) of notification n (from 1). */
    public static String reference(String prefix, int n, int e, int p) {
        return prefix + "-" + n + "-" + e + "-" + p;
    }

    /** Writes {@code notifications} notifications of {@code entries} entries each; returns the file's size. */
    public static long write(Path file, String prefix, int notifications, int entries) throws IOException {
        Path hidden = file.resolveSibling("." + file.getFileName());
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(hidden, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + NS + "\">\n<BkToCstmrDbtCdtNtfctn>\n"
                    + "<GrpHdr><MsgId>" + prefix + "</MsgId><CreDtTm>2026-11-20T15:00:02+08:00</CreDtTm>"
                    + "<AddtlInf>跨境电商收款账户入账通知</AddtlInf></GrpHdr>\n");
            for (int n = 1; n <= notifications; n++) {
                out.write("<Ntfctn><Id>" + prefix + "-" + n + "</Id><CreDtTm>2026-11-20T15:00:00+08:00</CreDtTm>"
                        + "<Acct><Id><Othr><Id>31001588800050001234</Id></Othr></Id><Ccy>CNY</Ccy>"
                        + "<Svcr><FinInstnId><BICFI>DEMOCNSHXXX</BICFI></FinInstnId></Svcr></Acct>\n");
                for (int e = 1; e <= entries; e++) {
                    out.write(entry(prefix, n, e));
                }
                out.write("<AddtlNtfctnInf>通知 " + n + " 结束</AddtlNtfctnInf></Ntfctn>\n");
            }
            out.write("<SplmtryData><PlcAndNm>/Document/BkToCstmrDbtCdtNtfctn</PlcAndNm><Envlp>"
                    + "<Batch xmlns=\"urn:example:demo-bank\">" + prefix + "</Batch></Envlp></SplmtryData>\n"
                    + "</BkToCstmrDbtCdtNtfctn>\n</Document>\n");
        }
        long size = Files.size(hidden);
        Files.move(hidden, file);
        return size;
    }

    /** About how many entries of this prefix make a file of the given size, in one notification. */
    public static int entriesFor(long bytes, String prefix) {
        return (int) (bytes / entry(prefix, 1, 1).getBytes(StandardCharsets.UTF_8).length + 1);
    }

    private static String entry(String prefix, int n, int e) {
        StringBuilder s = new StringBuilder(2048);
        s.append("<Ntry><Amt Ccy=\"CNY\">1850.42</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
                .append("<BookgDt><DtTm>2026-11-20T14:45:00+08:00</DtTm></BookgDt>")
                .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls>");
        String[][] payers = {{"王小明", "310101199001010000", "1151.42"}, {"赵建国", "440301198805050000", "699.00"}};
        for (int p = 1; p <= 2; p++) {
            s.append("<TxDtls><Refs><AcctSvcrRef>").append(reference(prefix, n, e, p)).append("</AcctSvcrRef></Refs>")
                    .append("<Amt Ccy=\"CNY\">").append(payers[p - 1][2]).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                    .append("<RltdPties><Dbtr><Pty><Nm>").append(payers[p - 1][0]).append("</Nm><Id><PrvtId><Othr><Id>")
                    .append(payers[p - 1][1]).append("</Id><SchmeNm><Cd>NIDN</Cd></SchmeNm></Othr></PrvtId></Id></Pty></Dbtr></RltdPties>")
                    .append("<RmtInf><Ustrd>ORDER:").append(reference(prefix, n, e, p)).append("</Ustrd></RmtInf></TxDtls>");
        }
        return s.append("</NtryDtls></Ntry>\n").toString();
    }
}
