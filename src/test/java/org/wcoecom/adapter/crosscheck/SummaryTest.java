package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.PartnerSigning;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * The monthly summary on a real adapter (Artemis, SQLite, HTTP): a declaring agent files five export
 * inventories (CEB603) of two e-commerce enterprises, customs releases them (CEB604 800); the
 * {@code summary} command then assembles the month: one summary per enterprise, its goods lines grouped
 * by consignee country, HS heading and currency, with totals computed here by hand. Run again, it makes
 * nothing twice. The running adapter sends each summary to customs as a signed CEB701 naming the
 * inventories, valid against our schema and the official one.
 */
class SummaryTest {

    private static final String SELLER = "4403966102";
    private static final String OTHER_SELLER = "4403966103";

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        String bundled = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        String export = """
                  - id: export-declarant
                    name: An export declaring agent
                    role: declarant
                    senderCodes: ["4403966888"]
                    formats: [ceb603]
                    receiptFormat: ceb604
                  - id: export-enterprise
                    name: An export e-commerce enterprise
                    role: platform
                    senderCodes: ["4403966101"]
                    formats: [ceb303]
                    receiptFormat: ceb304
                """;
        Files.writeString(data.resolve("partners.yaml"), bundled + export, StandardCharsets.UTF_8);
        adapter = new TestAdapter(data, Map.of("adapter.signature.partner.export-declarant.certificates",
                PartnerSigning.declarant().pem().toString(), "adapter.summary.interval", "1000",
                // the schedule summarises the month before from the first of the month on
                "adapter.summary.enabled", "true", "adapter.summary.day-of-month", "1"));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    /** One export inventory of one goods line. */
    private record Line(String seller, String country, String gcode, String currency, String qty, String price, String total) {
    }

    @Test
    void released_inventories_are_summarised_per_enterprise_country_heading_and_currency() throws Exception {
        List<Line> lines = List.of(
                new Line(SELLER, "502", "8507600090", "142", "1", "128", "128"),
                new Line(SELLER, "502", "8507600010", "142", "2", "50", "100"),
                new Line(SELLER, "502", "6109100021", "142", "3", "30", "90"),
                new Line(SELLER, "502", "8507600090", "502", "1", "20", "20"),
                new Line(OTHER_SELLER, "304", "8507600090", "142", "4", "25", "100"));
        List<String> numbers = new ArrayList<>();
        List<String> copNos = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] filed = fileAndRelease(i, lines.get(i));
            numbers.add(filed[0]);
            copNos.add(filed[1]);
        }
        awaitReleased(copNos);

        YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        Cli first = Cli.run(args("summary", "--period", period.toString()));
        assertEquals(0, first.exit, first.err + first.out);
        // by hand: 8507 in CNY: 128 + 100 (2 inventories, quantity 1 + 2); 6109 in CNY: 90; 8507 in USD: 20;
        // the other enterprise: Germany, 8507 in CNY, 100
        assertTrue(first.out.contains("summary " + period + " of " + SELLER + ": 4 inventories, assembled"), first.out);
        assertTrue(first.out.contains("summary " + period + " of " + OTHER_SELLER + ": 1 inventories, assembled"), first.out);
        assertEquals(List.of("US 6109 CNY 1 1 3 90", "US 8507 CNY 2 2 3 228", "US 8507 USD 1 1 1 20"), rows(first.out, SELLER),
                first.out);
        assertEquals(List.of("DE 8507 CNY 1 1 4 100"), rows(first.out, OTHER_SELLER), first.out);

        Cli again = Cli.run(args("summary", "--period", period.toString()));
        assertEquals(0, again.exit, again.err);
        assertTrue(again.out.contains(SELLER + ": 4 inventories, assembled before, not again"), again.out);

        // the running adapter sends each summary once, as a signed CEB701
        byte[] ceb701 = Messages.utf8(TestAdapter.text(adapter.forwarded("summary:" + period + "/" + SELLER)));
        XdmNode out = engine.valid(ceb701);
        assertEquals("CEB701Message", Xml.value(out, "local-name(/*)"));
        assertEquals(SELLER, Xml.value(out, "//ceb:SummaryApplyHead/ceb:ebcCode"));
        assertEquals(numbers.subList(0, 4), Xml.values(out, "//ceb:SummaryApplyList/ceb:invtNo"));
        assertEquals("1", Xml.value(out, "count(/*/*:Signature)"), "signed by the adapter");
        assertTrue(Xml.value(out, "//ceb:SummaryApplyHead/ceb:note").contains("US 8507 CNY: 2/2, qty 3, value 228"),
                Xml.value(out, "//ceb:SummaryApplyHead/ceb:note"));
        byte[] other = Messages.utf8(TestAdapter.text(adapter.forwarded("summary:" + period + "/" + OTHER_SELLER)));
        assertEquals(List.of(numbers.get(4)), Xml.values(engine.valid(other), "//ceb:SummaryApplyList/ceb:invtNo"));

        var official = Project.officialCebSchema("ceb701"); // skipped when ../shared/reference is absent
        assertEquals(List.of(), Xml.errors(official, ceb701));
    }

    @Test
    void customs_summary_result_is_relayed_to_the_enterprise_it_is_for() throws Exception {
        // the example's results are those of e-commerce enterprise 4403966101
        String result = fresh(Project.read(Project.examples("ceb792").resolve("result-minimal.xml")));
        adapter.send("customs.ceb.in", Messages.utf8(result));

        var relayed = adapter.take("partner.export-enterprise.receipts", null, TestAdapter.WAIT);
        assertTrue(relayed.isPresent(), "the enterprise got customs' summary result");
        XdmNode ceb792 = engine.valid(Messages.utf8(TestAdapter.text(relayed.get())));
        assertEquals("CEB792Message", Xml.value(ceb792, "local-name(/*)"));
        assertEquals("531620261201000007", Xml.value(ceb792, "(//ceb:SummaryResultHead/ceb:sumNo)[1]"));
        assertEquals(List.of("4403966101"), Xml.values(ceb792, "//ceb:SummaryResultHead/ceb:ebcCode").stream().distinct().toList());

        // a result for an enterprise that is no partner is kept aside, not relayed to anyone
        adapter.send("customs.ceb.in", Messages.utf8(fresh(result).replace("<ceb:ebcCode>4403966101</ceb:ebcCode>",
                "<ceb:ebcCode>4403969999</ceb:ebcCode>")));
        assertTrue(adapter.take("customs.ceb.in.unmatched", null, TestAdapter.WAIT).isPresent(), "kept aside as unmatched");
        assertTrue(adapter.take("partner.export-enterprise.receipts", null, java.time.Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    void the_schedule_summarises_the_month_before_and_sends_it() throws Exception {
        String seller = "4403966104";
        String[] filed = fileAndRelease(9, new Line(seller, "502", "8507600090", "142", "2", "64", "128"));
        awaitReleased(List.of(filed[1]));
        // released on the last day of the month before, as if customs had answered then
        YearMonth before = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        String url = "jdbc:sqlite:" + adapter.dataDir().resolve("db").resolve("adapter.db").toAbsolutePath();
        try (var c = java.sql.DriverManager.getConnection(url)) {
            try (var pragma = c.createStatement()) {
                pragma.execute("PRAGMA busy_timeout = 10000");
            }
            var st = c.prepareStatement("UPDATE export_parcel SET released_at = ? WHERE local_ref = ?");
            st.setTimestamp(1, java.sql.Timestamp.from(before.atEndOfMonth().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
            st.setString(2, filed[1]);
            assertEquals(1, st.executeUpdate());
        }

        XdmNode out = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded("summary:" + before + "/" + seller))));
        assertEquals("CEB701Message", Xml.value(out, "local-name(/*)"));
        assertEquals(List.of(filed[0]), Xml.values(out, "//ceb:SummaryApplyList/ceb:invtNo"));
        assertEquals(before.toString().replace("-", "") + "01000000", Xml.value(out, "//ceb:SummaryApplyHead/ceb:startTime"));
        assertTrue(Xml.value(out, "//ceb:SummaryApplyHead/ceb:note").contains("US 8507 CNY: 1/1, qty 2, value 128"),
                Xml.value(out, "//ceb:SummaryApplyHead/ceb:note"));
        // made once: the schedule looks again every second, nothing more leaves
        assertTrue(adapter.takeForwarded("summary:" + before + "/" + seller, java.time.Duration.ofSeconds(3)).isEmpty(), "sent twice");
    }

    // --- the declaring agent and customs ---------------------------------------------------------

    /** Files a signed export inventory of one line and has customs release it; customs' number for it and its own. */
    private String[] fileAndRelease(int i, Line line) throws Exception {
        String key = "SM" + (System.currentTimeMillis() % 10_000_000) + i;
        String copNo = "QD-" + key;
        String orderNo = "EX-" + key;
        String invtNo = String.format(Locale.ROOT, "22442026E%09d", Math.floorMod(key.hashCode(), 1_000_000_000));
        String inventory = fresh(Project.read(Project.examples("ceb603").resolve("inventory-minimal.xml")))
                .replace("XD2026112400000001CN", "XD" + key + "CN").replace("QD20261124140000001", copNo)
                .replace("EX20261124101500001", orderNo)
                .replace("<ceb:ebcCode>4403966102</ceb:ebcCode>", "<ceb:ebcCode>" + line.seller() + "</ceb:ebcCode>")
                .replace("<ceb:country>502</ceb:country>", "<ceb:country>" + line.country() + "</ceb:country>")
                .replace("<ceb:gcode>8507600090</ceb:gcode>", "<ceb:gcode>" + line.gcode() + "</ceb:gcode>")
                .replace("<ceb:currency>142</ceb:currency>", "<ceb:currency>" + line.currency() + "</ceb:currency>")
                .replace("<ceb:qty>1</ceb:qty>", "<ceb:qty>" + line.qty() + "</ceb:qty>")
                .replace("<ceb:price>128</ceb:price>", "<ceb:price>" + line.price() + "</ceb:price>")
                .replace("<ceb:totalPrice>128</ceb:totalPrice>", "<ceb:totalPrice>" + line.total() + "</ceb:totalPrice>");
        HttpResponse<String> declared = adapter.post(PartnerSigning.declarant().sign(Messages.utf8(inventory)), "export-declarant");
        assertEquals(200, declared.statusCode(), declared.body());
        adapter.forwarded("export-declarant:" + copNo);
        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB604Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <ceb:InventoryReturn>
                    <ceb:guid>%s</ceb:guid>
                    <ceb:agentCode>4403966888</ceb:agentCode>
                    <ceb:copNo>%s</ceb:copNo>
                    <ceb:preNo>B20261124000000017</ceb:preNo>
                    <ceb:invtNo>%s</ceb:invtNo>
                    <ceb:ebcCode>%s</ceb:ebcCode>
                    <ceb:ebpCode>4403966101</ceb:ebpCode>
                    <ceb:orderNo>%s</ceb:orderNo>
                    <ceb:statisticsFlag>A</ceb:statisticsFlag>
                    <ceb:returnStatus>800</ceb:returnStatus>
                    <ceb:returnTime>20261124160000000</ceb:returnTime>
                    <ceb:returnInfo>[Code:2600;Desc:放行]</ceb:returnInfo>
                  </ceb:InventoryReturn>
                </ceb:CEB604Message>
                """.formatted(guid(), guid(), copNo, invtNo, line.seller(), orderNo).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));
        return new String[] {invtNo, copNo};
    }

    /** Waits (bounded) until customs' answers have released the inventories of these own numbers. */
    private static void awaitReleased(List<String> copNos) throws Exception {
        long deadline = System.nanoTime() + TestAdapter.WAIT.toNanos();
        int released = 0;
        while (System.nanoTime() < deadline) {
            released = 0;
            try (var c = java.sql.DriverManager.getConnection(readOnly());
                 var st = c.prepareStatement("SELECT COUNT(*) FROM export_parcel p JOIN declared_inventory i ON i.declarant = p.declarant"
                         + " AND i.local_ref = p.local_ref WHERE p.released_at IS NOT NULL AND i.inventory_no IS NOT NULL"
                         + " AND p.local_ref = ?")) {
                for (String copNo : copNos) {
                    st.setString(1, copNo);
                    try (var r = st.executeQuery()) {
                        r.next();
                        released += r.getInt(1);
                    }
                }
            }
            if (released == copNos.size()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("released " + released + " of " + copNos.size() + " inventories");
    }

    private static String readOnly() {
        return "jdbc:sqlite:" + adapter.dataDir().resolve("db").resolve("adapter.db").toAbsolutePath() + "?open_mode=1";
    }

    /** The group rows the command printed for an enterprise, blanks collapsed. */
    private static List<String> rows(String out, String seller) {
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String l : out.lines().toList()) {
            if (l.startsWith("summary ")) {
                in = l.contains(" of " + seller + ":");
            } else if (in && l.startsWith("  ") && !l.contains("country")) {
                rows.add(String.join(" ", l.trim().split("\\s+")));
            }
        }
        return rows;
    }

    private static String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(adapter.commandOptions());
        return all.toArray(String[]::new);
    }

    private static String fresh(String xml) {
        return xml.replaceAll("guid=\"[0-9A-F-]{36}\"", "guid=\"" + guid() + "\"")
                .replaceAll("<ceb:guid>[0-9A-F-]{36}</ceb:guid>", "<ceb:guid>" + guid() + "</ceb:guid>");
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
