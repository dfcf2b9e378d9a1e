package org.wcoecom.adapter.bench;

import static org.wcoecom.adapter.bench.Markup.amount;
import static org.wcoecom.adapter.bench.Markup.element;
import static org.wcoecom.adapter.bench.Markup.end;
import static org.wcoecom.adapter.bench.Markup.start;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The other two documents of the three-document check, written from the facts of generated orders
 * so that they match them the way the cross-check compares (amount paid, payer = buyer, consignee):
 * the payments of demo-payment (CEB411) and the waybills of demo-logistics (CEB511), several to a
 * message, unsigned (neither format is one a partner owes a signature on).
 */
final class DocumentWriters {

    /** demo-payment's and demo-logistics' sender codes in partners.yaml. */
    static final String PAY_CODE = "3120980011";
    static final String PAY_NAME = "沪付通支付服务有限公司";
    static final String LOGISTICS_CODE = "3120968001";
    static final String LOGISTICS_NAME = "沪港快运物流有限公司";

    /** A payment whose amount is this much off: the cross-check refuses it (CC-PAID-AMOUNT) until corrected. */
    static final long WRONG_BY_CENTS = 100;

    private DocumentWriters() {
    }

    /** The waybill number of an order: a record id of demo-logistics. */
    static String logisticsNo(String orderNo) {
        return "WB" + orderNo;
    }

    /**
     * A CEB411 message with the payment of each order; appType 1, or 2 for a corrected one. The
     * payment of {@code wrongOrderNo} (null: none) carries a wrong amount.
     */
    static byte[] payments(SplittableRandom rng, List<OrderWriter.Facts> orders, String appType, String wrongOrderNo) {
        StringBuilder sb = new StringBuilder(orders.size() * 1_000 + 600);
        head(sb, rng, "CEB411Message");
        for (OrderWriter.Facts o : orders) {
            sb.append("<ceb:Payment><ceb:PaymentHead>");
            Markup.guid(start(sb, "guid"), rng);
            end(sb, "guid");
            element(sb, "appType", appType);
            Markup.appTime(start(sb, "appTime"), o.time().plusSeconds(30));
            end(sb, "appTime");
            element(sb, "appStatus", "2");
            element(sb, "payCode", PAY_CODE);
            element(sb, "payName", PAY_NAME);
            element(sb, "payTransactionId", o.payTransactionId());
            element(sb, "orderNo", o.orderNo());
            element(sb, "ebpCode", OrderWriter.PLATFORM_CODE);
            element(sb, "ebpName", OrderWriter.PLATFORM_NAME);
            element(sb, "payerIdType", "1");
            element(sb, "payerIdNumber", o.buyerIdNumber());
            element(sb, "payerName", o.buyerName());
            element(sb, "telephone", o.buyerTelephone());
            amount(sb, "amountPaid", o.paidCents() + (o.orderNo().equals(wrongOrderNo) ? WRONG_BY_CENTS : 0));
            element(sb, "currency", "142");
            Markup.appTime(start(sb, "payTime"), o.time().plusSeconds(7));
            end(sb, "payTime");
            sb.append("</ceb:PaymentHead></ceb:Payment>");
        }
        tail(sb, PAY_CODE, PAY_NAME, "DXPENT0000980011", "CEB411Message");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CEB511 message with the waybill of each order. */
    static byte[] waybills(SplittableRandom rng, List<OrderWriter.Facts> orders) {
        StringBuilder sb = new StringBuilder(orders.size() * 1_100 + 600);
        head(sb, rng, "CEB511Message");
        for (OrderWriter.Facts o : orders) {
            sb.append("<ceb:Logistics><ceb:LogisticsHead>");
            Markup.guid(start(sb, "guid"), rng);
            end(sb, "guid");
            element(sb, "appType", "1");
            Markup.appTime(start(sb, "appTime"), o.time().plusMinutes(40));
            end(sb, "appTime");
            element(sb, "appStatus", "2");
            element(sb, "logisticsCode", LOGISTICS_CODE);
            element(sb, "logisticsName", LOGISTICS_NAME);
            element(sb, "logisticsNo", logisticsNo(o.orderNo()));
            element(sb, "orderNo", o.orderNo());
            amount(sb, "freight", 1_000 + 500L * rng.nextInt(4));
            amount(sb, "insuredFee", 0);
            element(sb, "currency", "142");
            amount(sb, "weight", 40L * o.items() + 10L * rng.nextInt(30));
            end(start(sb, "packNo").append(1), "packNo");
            element(sb, "goodsInfo", o.goodsInfo());
            element(sb, "consignee", o.consignee());
            element(sb, "consigneeAddress", o.consigneeAddress());
            element(sb, "consigneeTelephone", o.consigneeTelephone());
            sb.append("</ceb:LogisticsHead></ceb:Logistics>");
        }
        tail(sb, LOGISTICS_CODE, LOGISTICS_NAME, "DXPLGS0000968001", "CEB511Message");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void head(StringBuilder sb, SplittableRandom rng, String root) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:").append(root).append(" xmlns:ceb=\"").append(Markup.CEB_NS)
                .append("\" guid=\"");
        Markup.guid(sb, rng);
        sb.append("\" version=\"1.0\">");
    }

    private static void tail(StringBuilder sb, String copCode, String copName, String dxpId, String root) {
        sb.append("<ceb:BaseTransfer>");
        element(sb, "copCode", copCode);
        element(sb, "copName", copName);
        element(sb, "dxpMode", "DXP");
        element(sb, "dxpId", dxpId);
        sb.append("</ceb:BaseTransfer></ceb:").append(root).append(">\n");
    }
}
