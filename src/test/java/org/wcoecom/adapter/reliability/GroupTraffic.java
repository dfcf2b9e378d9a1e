package org.wcoecom.adapter.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;

/**
 * The realistic mix for the crash suite: three-document groups (the platform's orders, several to a
 * message; each order's payment; its waybill; the waybills' delivery statuses), some payments with a
 * wrong amount that are corrected later (appType 2), re-sent messages that must be answered as
 * duplicates, and one poison order whose CEB311 is larger than customs takes. It knows what each
 * message must produce: the records forwarded (by record id and appType), the declarations.
 */
public final class GroupTraffic {

    static final String PLATFORM = "demo-platform";
    static final String PAYMENT = "demo-payment";
    static final String LOGISTICS = "demo-logistics";
    static final String WRONG_AMOUNT = "1100";

    /** One partner message: who sends it, its bytes, and its key (unique per send: the broker's duplicate id). */
    record Send(String key, String partner, byte[] body) {
    }

    /** One group's numbers. */
    record Group(String orderNo, String transactionId, String logisticsNo, boolean wrongPayment) {
        String declaration() {
            return PLATFORM + ":" + orderNo + "/declaration";
        }
    }

    final String run;
    final List<Group> groups = new ArrayList<>();
    final String poisonOrderNo;
    private final Random random;
    private int sends;

    GroupTraffic(long seed, int groupCount, double wrongShare) {
        this.random = new Random(seed);
        this.run = Long.toString(Math.abs(seed) % 1_000_000, 36).toUpperCase(Locale.ROOT);
        for (int g = 0; g < groupCount; g++) {
            String orderNo = String.format(Locale.ROOT, "CRASH%s-%05d", run, g);
            groups.add(new Group(orderNo, "TX" + orderNo, "WB" + orderNo, random.nextDouble() < wrongShare));
        }
        this.poisonOrderNo = String.format(Locale.ROOT, "CRASH%s-POISON", run);
    }

    /**
     * The first wave, shuffled across partners: orders in messages of one to three, payments (some
     * wrong), waybills, statuses in messages of ten, and the poison order.
     */
    List<Send> firstWave() {
        List<Send> all = new ArrayList<>();
        for (int i = 0; i < groups.size(); ) {
            int n = Math.min(groups.size() - i, 1 + random.nextInt(3));
            all.add(send(PLATFORM, orders(groups.subList(i, i + n))));
            i += n;
        }
        for (Group g : groups) {
            String payment = Messages.payment(g.orderNo(), g.transactionId());
            all.add(send(PAYMENT, g.wrongPayment() ? wrongAmount(payment) : payment));
            all.add(send(LOGISTICS, Messages.waybill(g.orderNo(), g.logisticsNo())));
        }
        for (int i = 0; i < groups.size(); i += 10) {
            all.add(send(LOGISTICS, statuses(groups.subList(i, Math.min(groups.size(), i + 10)))));
        }
        all.add(send(PLATFORM, poison()));
        Collections.shuffle(all, random);
        return all;
    }

    /** The corrected payments (appType 2) of the groups whose payment was wrong. */
    List<Send> corrections() {
        List<Send> all = new ArrayList<>();
        for (Group g : groups) {
            if (g.wrongPayment()) {
                all.add(send(PAYMENT, Messages.payment(g.orderNo(), g.transactionId())
                        .replace("<ceb:appType>1</ceb:appType>", "<ceb:appType>2</ceb:appType>")));
            }
        }
        return all;
    }

    /** Some messages of the first wave sent again as they were: each a new send, answered as a duplicate. */
    List<Send> resends(List<Send> firstWave, int count) {
        List<Send> candidates = new ArrayList<>(firstWave.stream().filter(s -> !new String(s.body(), java.nio.charset.StandardCharsets.UTF_8)
                .contains(poisonOrderNo)).toList());
        Collections.shuffle(candidates, random);
        return candidates.subList(0, Math.min(count, candidates.size())).stream().map(s -> send(s.partner(), s.body())).toList();
    }

    /** What must reach customs once the flow is done: record id#appType, each exactly once. */
    List<String> expectedForwards(boolean poisonReplayed) {
        List<String> all = new ArrayList<>();
        for (Group g : groups) {
            all.add(PLATFORM + ":" + g.orderNo() + "#1");
            all.add(PAYMENT + ":" + g.transactionId() + "#1");
            if (g.wrongPayment()) {
                all.add(PAYMENT + ":" + g.transactionId() + "#2");
            }
            all.add(LOGISTICS + ":" + g.logisticsNo() + "#1");
            all.add(LOGISTICS + ":" + g.logisticsNo() + "/S#1");
            all.add(g.declaration() + "#1");
        }
        if (poisonReplayed) {
            all.add(PLATFORM + ":" + poisonOrderNo + "#1");
        }
        return all;
    }

    String poisonRecord() {
        return PLATFORM + ":" + poisonOrderNo;
    }

    private Send send(String partner, String xml) {
        return send(partner, Messages.utf8(xml));
    }

    private Send send(String partner, byte[] body) {
        return new Send("crash-" + run + "-" + (sends++), partner, body);
    }

    /** A CEB311 message of the given groups' orders (order-single's order, renumbered). */
    private static String orders(List<Group> of) {
        String single = Project.read(Project.examples("ceb311").resolve("order-single.xml"));
        int start = single.indexOf("  <ceb:Order>");
        int end = single.indexOf("</ceb:Order>") + "</ceb:Order>\n".length();
        StringBuilder body = new StringBuilder();
        for (Group g : of) {
            body.append(single, start, end);
            int at = body.lastIndexOf("  <ceb:Order>");
            String order = body.substring(at).replace("YX20261120143005001", g.orderNo())
                    .replace("HFT2026112014300588123", g.transactionId())
                    .replace("0B3E8D52-91A4-4C6F-8E27-5D1F0A9C3B64", guid());
            body.replace(at, body.length(), order);
        }
        return single.substring(0, start).replace("6F1C2B7A-3D4E-4F10-9A8B-7C6D5E4F3A21", guid()) + body + single.substring(end);
    }

    private static String wrongAmount(String payment) {
        return payment.replace("<ceb:amountPaid>1151.42<", "<ceb:amountPaid>" + WRONG_AMOUNT + "<");
    }

    /** The delivery statuses (S) of the groups' waybills, one CEB513 message. */
    private static String statuses(List<Group> of) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:CEB513Message"
                + " xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + guid() + "\" version=\"1.0\">\n");
        for (Group g : of) {
            xml.append("  <ceb:LogisticsStatus>\n    <ceb:guid>").append(guid()).append("</ceb:guid>\n")
                    .append("    <ceb:appType>1</ceb:appType>\n    <ceb:appTime>20261123143500</ceb:appTime>\n")
                    .append("    <ceb:appStatus>2</ceb:appStatus>\n    <ceb:logisticsCode>3120968001</ceb:logisticsCode>\n")
                    .append("    <ceb:logisticsName>沪港快运物流有限公司</ceb:logisticsName>\n")
                    .append("    <ceb:logisticsNo>").append(g.logisticsNo()).append("</ceb:logisticsNo>\n")
                    .append("    <ceb:logisticsStatus>S</ceb:logisticsStatus>\n    <ceb:logisticsTime>20261123143218</ceb:logisticsTime>\n")
                    .append("  </ceb:LogisticsStatus>\n");
        }
        xml.append("  <ceb:BaseTransfer>\n    <ceb:copCode>3120968001</ceb:copCode>\n    <ceb:copName>沪港快运物流有限公司</ceb:copName>\n")
                .append("    <ceb:dxpMode>DXP</ceb:dxpMode>\n    <ceb:dxpId>DXPLGS0000968001</ceb:dxpId>\n  </ceb:BaseTransfer>\n")
                .append("</ceb:CEB513Message>\n");
        return xml.toString();
    }

    /**
     * An order the adapter accepts but whose CEB311 is larger than {@link #POISON_LIMIT}: every free
     * text at its longest. Customs would refuse it; the adapter dead-letters it alone.
     */
    String poison() {
        return poisonOrder(poisonOrderNo);
    }

    /** The customs message size limit the suite sets (adapter.egress.ceb.max-message-bytes): far above any other record's. */
    public static final int POISON_LIMIT = 14_000;

    public static String poisonOrder(String orderNo) {
        String text = "长".repeat(1000);
        return Messages.single(orderNo)
                .replace("<ceb:note>双十一活动订单</ceb:note>", "<ceb:note>" + text + "</ceb:note>")
                .replace("<ceb:itemDescribe>德国原装进口婴儿配方奶粉，3段</ceb:itemDescribe>", "<ceb:itemDescribe>" + text + "</ceb:itemDescribe>")
                .replace("<ceb:itemDescribe>日本进口保湿面霜</ceb:itemDescribe>", "<ceb:itemDescribe>" + text + "</ceb:itemDescribe>")
                .replace("<ceb:note>赠品勺子一个</ceb:note>", "<ceb:note>" + text + "</ceb:note>")
                .replace("<ceb:note>限时折扣</ceb:note>", "<ceb:note>" + text + "</ceb:note>")
                .replace("HFT2026112014300588123", "TX" + orderNo);
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** How many first-wave messages each partner sends (for the printed counts). */
    static Map<String, Integer> byPartner(List<Send> sends) {
        Map<String, Integer> n = new LinkedHashMap<>();
        sends.forEach(s -> n.merge(s.partner(), 1, Integer::sum));
        return n;
    }
}
