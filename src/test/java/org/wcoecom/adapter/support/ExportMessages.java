package org.wcoecom.adapter.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The export documents of one order, made from the minimal examples (CEB303, CEB403, CEB505) with a
 * fresh order number and waybill number, and an adapter whose partners may send them.
 */
public final class ExportMessages {

    public static final String PLATFORM = "export-platform";
    public static final String PAYMENT = "export-payment";
    public static final String LOGISTICS = "export-logistics";

    /** The partners allowed to send the export formats, appended to the bundled ones. */
    public static final String PARTNERS = """
              - id: export-platform
                name: An export platform
                role: platform
                senderCodes: ["4403966101"]
                formats: [ceb303]
                receiptFormat: ceb304
              - id: export-payment
                name: An export payment enterprise
                role: payment
                senderCodes: ["4403980201"]
                formats: [ceb403]
                receiptFormat: ceb404
              - id: export-logistics
                name: An export carrier
                role: logistics
                senderCodes: ["4403968301"]
                formats: [ceb505]
                receiptFormat: ceb506
            """;

    /** The catalogue entry of the examples' item: a power bank, 0.3 kg net each. */
    public static final String CATALOGUE = """
            item_no,gcode,gname,unit1,qty1_per_unit,unit2,qty2_per_unit,item_record_no,net_weight_kg
            HQ-PB-10000,8507600090,移动电源,035,0.3,,,,0.3
            """;

    private ExportMessages() {
    }

    /**
     * An adapter whose partners file adds the export partners, whose catalogue knows the item and whose
     * export inventories go to the United States.
     */
    public static TestAdapter adapter(Path data, Map<String, String> more) throws Exception {
        String bundled = Files.readString(Path.of("src/main/resources/partners.yaml"), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("partners.yaml"), bundled + PARTNERS, StandardCharsets.UTF_8);
        Path catalogue = data.resolve("export-items.csv");
        Files.writeString(catalogue, CATALOGUE, StandardCharsets.UTF_8);
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "adapter.catalogue.seed-file", catalogue.toAbsolutePath().toString(),
                "adapter.export.destination-country", "US",
                "adapter.export.destination-port", "5020"));
        settings.putAll(more);
        return new TestAdapter(data, settings);
    }

    /** Fresh keys for one export order. */
    public record Keys(String orderNo, String logisticsNo) {
        public static Keys fresh(String prefix) {
            String order = Messages.orderNo(prefix);
            return new Keys(order, "XD" + order.replaceAll("[^A-Za-z0-9]", ""));
        }

        public String orderRecord() {
            return PLATFORM + ":" + orderNo;
        }

        public String paymentRecord() {
            return PAYMENT + ":4403966102/" + orderNo;
        }

        public String waybillRecord() {
            return LOGISTICS + ":" + logisticsNo;
        }

        /** The export inventory the adapter files for the order. */
        public String inventoryRecord() {
            return PLATFORM + ":" + orderNo + "/declaration";
        }
    }

    /** The export order: one power bank at 128 CNY, no freight. */
    public static String order(Keys k) {
        return fresh(Project.read(Project.examples("ceb303").resolve("order-minimal.xml")))
                .replace("EX20261124101500001", k.orderNo());
    }

    /** The receipt of payment of 128 CNY for it. */
    public static String payment(Keys k) {
        return fresh(Project.read(Project.examples("ceb403").resolve("payment-minimal.xml")))
                .replace("EX20261124101500001", k.orderNo());
    }

    /** Its waybill, naming the order in its note. */
    public static String waybill(Keys k) {
        return fresh(Project.read(Project.examples("ceb505").resolve("waybill-minimal.xml")))
                .replace("XD2026112400000001CN", k.logisticsNo())
                .replace("<ceb:goodsInfo>移动电源1个</ceb:goodsInfo>",
                        "<ceb:goodsInfo>移动电源1个</ceb:goodsInfo>\n    <ceb:note>orderNo:" + k.orderNo() + "</ceb:note>");
    }

    /** New message and record guids, as a sender makes for each message. */
    private static String fresh(String xml) {
        return xml.replaceAll("guid=\"[0-9A-F-]{36}\"", "guid=\"" + guid() + "\"")
                .replaceAll("<ceb:guid>[0-9A-F-]{36}</ceb:guid>", "<ceb:guid>" + guid() + "</ceb:guid>");
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
