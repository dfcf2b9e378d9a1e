package org.wcoecom.adapter.bench;

import static org.wcoecom.adapter.bench.Markup.amount;
import static org.wcoecom.adapter.bench.Markup.element;
import static org.wcoecom.adapter.bench.Markup.end;
import static org.wcoecom.adapter.bench.Markup.start;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One ceb:Order of the demo platform, consistent the way the adapter and customs check it: line
 * total = qty x price, goodsValue = sum of the line totals, acturalPaid = goodsValue + freight +
 * taxTotal - discount, platform code = the sender's, codes from the code lists, and at most 5,000
 * yuan (the single-transaction limit of cross-border retail import).
 */
final class OrderWriter {

    /** demo-platform's sender code in partners.yaml: ebpCode and copCode must both be it. */
    static final String PLATFORM_CODE = "3120966001";
    static final String PLATFORM_NAME = "上海跨境优选电子商务有限公司";

    /** Two goods lines of about 600 bytes and a head of about 1.3 KB: an order of about 2.5 KB. */
    private static final int LINES = 2;

    private record Seller(String code, String name) {
    }

    private static final List<Seller> SELLERS = List.of(new Seller("3120966002", "优选海外直购（上海）贸易有限公司"),
            new Seller("3120966003", "欧陆精品进出口（上海）有限公司"), new Seller("3120966005", "澳新优品跨境贸易（上海）有限公司"));
    // demo-payment (partners.yaml): the payment voucher of the order would come from it
    private static final String PAY_CODE = "3120980011";
    private static final String PAY_NAME = "沪付通支付服务有限公司";
    private static final List<String> NOTES = List.of("双十一活动订单", "618年中大促订单", "会员日满减订单", "新人首单立减",
            "请尽快发货，谢谢", "工作日白天送货", "节假日请勿配送", "请放快递柜");
    private static final long[] FREIGHTS = {0, 0, 0, 800, 1_000, 1_500, 2_000};
    private static final long[] COUPONS = {0, 0, 0, 0, 500, 1_000, 2_000, 3_000};
    private static final int[] DISCOUNT_PERCENT = {95, 90, 85};

    private record Line(Goods.Product product, int qty, long priceCents, boolean reduced) {
        long totalCents() {
            return qty * priceCents;
        }
    }

    private OrderWriter() {
    }

    /**
     * What the order's payment and waybill must repeat for the three-document check to match:
     * amount paid (in fen), payer = buyer (name, identity number), consignee (name, telephone,
     * address), and the goods for the waybill's description.
     */
    record Facts(String orderNo, String payTransactionId, long paidCents, String buyerName, String buyerIdNumber,
                 String buyerTelephone, String consignee, String consigneeTelephone, String consigneeAddress,
                 LocalDateTime time, String goodsInfo, int items) {
    }

    static Facts write(StringBuilder sb, SplittableRandom rng, String orderNo, LocalDateTime time) {
        Line[] lines = lines(rng);
        long goods = 0;
        long tax = 0;
        for (Line l : lines) {
            goods += l.totalCents();
            // to the fen, half up
            tax += (l.totalCents() * l.product().taxBasisPoints() + 5_000) / 10_000;
        }
        long freight = FREIGHTS[rng.nextInt(FREIGHTS.length)];
        long discount = Math.min(COUPONS[rng.nextInt(COUPONS.length)], goods / 10);
        Seller seller = Goods.pick(rng, SELLERS);
        Buyers.Person buyer = Buyers.person(rng);
        Buyers.Person consignee = rng.nextInt(4) == 0 ? Buyers.person(rng) : buyer;
        Buyers.Address address = Buyers.address(rng);

        sb.append("<ceb:Order><ceb:OrderHead>");
        Markup.guid(start(sb, "guid"), rng);
        end(sb, "guid");
        element(sb, "appType", "1");
        Markup.appTime(start(sb, "appTime"), time);
        end(sb, "appTime");
        element(sb, "appStatus", "2");
        element(sb, "orderType", "I");
        element(sb, "orderNo", orderNo);
        element(sb, "ebpCode", PLATFORM_CODE);
        element(sb, "ebpName", PLATFORM_NAME);
        element(sb, "ebcCode", seller.code());
        element(sb, "ebcName", seller.name());
        amount(sb, "goodsValue", goods);
        amount(sb, "freight", freight);
        amount(sb, "discount", discount);
        amount(sb, "taxTotal", tax);
        amount(sb, "acturalPaid", goods + freight + tax - discount);
        element(sb, "currency", "142");
        Markup.digits(start(sb, "buyerRegNo").append("yx_user_"), rng, 7);
        end(sb, "buyerRegNo");
        element(sb, "buyerName", buyer.name());
        element(sb, "buyerTelephone", buyer.telephone());
        element(sb, "buyerIdType", "1");
        String idNumber = Buyers.idNumber(rng, address.district());
        element(sb, "buyerIdNumber", idNumber);
        element(sb, "payCode", PAY_CODE);
        element(sb, "payName", PAY_NAME);
        StringBuilder transaction = new StringBuilder("HFT");
        Markup.appTime(transaction, time);
        Markup.digits(transaction, rng, 5);
        element(sb, "payTransactionId", transaction);
        element(sb, "consignee", consignee.name());
        element(sb, "consigneeTelephone", consignee.telephone());
        element(sb, "consigneeAddress", address.line());
        element(sb, "consigneeDistrict", address.district());
        if (rng.nextInt(5) == 0) {
            element(sb, "note", Goods.pick(rng, NOTES));
        }
        sb.append("</ceb:OrderHead>");
        for (int i = 0; i < lines.length; i++) {
            writeLine(sb, rng, i + 1, lines[i]);
        }
        sb.append("</ceb:Order>");
        StringBuilder goodsInfo = new StringBuilder();
        int items = 0;
        for (Line l : lines) {
            goodsInfo.append(goodsInfo.isEmpty() ? "" : "；").append(l.product().name()).append('*').append(l.qty());
            items += l.qty();
        }
        return new Facts(orderNo, transaction.toString(), goods + freight + tax - discount, buyer.name(), idNumber,
                buyer.telephone(), consignee.name(), consignee.telephone(), address.line(), time, goodsInfo.toString(), items);
    }

    private static void writeLine(StringBuilder sb, SplittableRandom rng, int gnum, Line l) {
        Goods.Product p = l.product();
        sb.append("<ceb:OrderList>");
        end(start(sb, "gnum").append(gnum), "gnum");
        element(sb, "itemNo", p.itemNo());
        element(sb, "itemName", Goods.itemName(rng, p));
        element(sb, "gmodel", p.model());
        element(sb, "itemDescribe", Goods.describe(rng, p));
        element(sb, "barCode", p.barCode());
        element(sb, "unit", p.unit());
        end(start(sb, "qty").append(l.qty()), "qty");
        amount(sb, "price", l.priceCents());
        amount(sb, "totalPrice", l.totalCents());
        element(sb, "currency", "142");
        element(sb, "country", p.country());
        if (l.reduced()) {
            element(sb, "note", Goods.priceNote(rng));
        }
        sb.append("</ceb:OrderList>");
    }

    /** LINES different products, each once: a partial shuffle of the catalogue. */
    private static Line[] lines(SplittableRandom rng) {
        List<Goods.Product> all = Goods.PRODUCTS;
        int[] order = new int[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Line[] lines = new Line[LINES];
        for (int i = 0; i < LINES; i++) {
            int j = i + rng.nextInt(order.length - i);
            int pick = order[j];
            order[j] = order[i];
            order[i] = pick;
            Goods.Product p = all.get(pick);
            int qty = rng.nextInt(10) < 6 ? 1 : rng.nextInt(10) < 8 ? 2 : 3;
            boolean reduced = rng.nextInt(10) < 3;
            long price = reduced
                    // a promotion price ends in .90, as shops write them
                    ? p.priceCents() * DISCOUNT_PERCENT[rng.nextInt(DISCOUNT_PERCENT.length)] / 100 / 100 * 100 - 10
                    : p.priceCents();
            lines[i] = new Line(p, qty, price, reduced);
        }
        return lines;
    }
}
