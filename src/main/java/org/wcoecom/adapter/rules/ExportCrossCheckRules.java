package org.wcoecom.adapter.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.wcoecom.adapter.canonical.Amounts;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.AmountType;
import org.wcoecom.adapter.canonical.model.OrderLineType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;

/**
 * The export three-document check over an export order (CEB303), its receipt of payment (CEB403) and
 * its export waybill (CEB505). The export documents carry no buyer, payer or consignee: what they
 * share is the order number, the platform and the e-commerce enterprise (the order's SELLER, the
 * payment's PAYEE, the waybill's CONSIGNOR). As on the import side, messages never carry values.
 *
 * <table>
 * <tr><td>EX-ORDER-NUMBER</td><td>the receipt of payment and the waybill carry the order's number exactly</td></tr>
 * <tr><td>EX-ENTERPRISE</td><td>the money was received by the order's e-commerce enterprise (PAYEE = SELLER)</td></tr>
 * <tr><td>EX-CONSIGNOR</td><td>the waybill's consignor, when it names one, is the order's e-commerce enterprise</td></tr>
 * <tr><td>EX-CHARGE</td><td>the amount received equals goods value + freight, in the order's currency</td></tr>
 * <tr><td>EX-GOODS-VALUE</td><td>the order's goods value is the sum of its line totals</td></tr>
 * </table>
 * That the receipt of payment names the order's platform is not a rule here: the documents are
 * gathered by platform (CrossCheckSteps).
 */
public final class ExportCrossCheckRules {

    private final BigDecimal tolerance;

    public ExportCrossCheckRules(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    public List<RuleViolation> check(OrderType order, PaymentType payment, ShipmentType waybill) {
        List<RuleViolation> v = new ArrayList<>();
        if (!order.getOrderNumber().equals(payment.getOrderNumber())) {
            v.add(new RuleViolation("EX-ORDER-NUMBER", "the receipt of payment does not carry the order's number exactly",
                    List.of("/Order/OrderNumber", "/Payment/OrderNumber")));
        }
        if (!order.getOrderNumber().equals(waybill.getOrderNumber())) {
            v.add(new RuleViolation("EX-ORDER-NUMBER", "the waybill does not name the order's number exactly",
                    List.of("/Order/OrderNumber", "/Shipment/OrderNumber")));
        }
        var seller = Parties.customsCode(order.getParty(), PartyRoleType.SELLER);
        if (!seller.equals(Parties.customsCode(payment.getParty(), PartyRoleType.PAYEE))) {
            v.add(new RuleViolation("EX-ENTERPRISE", "the money was not received by the order's e-commerce enterprise",
                    List.of("/Order/Party[@role='SELLER']/Identifier", "/Payment/Party[@role='PAYEE']/Identifier")));
        }
        var consignor = Parties.customsCode(waybill.getParty(), PartyRoleType.CONSIGNOR);
        if (consignor.isPresent() && !consignor.equals(seller)) {
            v.add(new RuleViolation("EX-CONSIGNOR", "the waybill's consignor is not the order's e-commerce enterprise",
                    List.of("/Order/Party[@role='SELLER']/Identifier", "/Shipment/Party[@role='CONSIGNOR']/Identifier")));
        }
        BigDecimal expected = order.getGoodsValue().getValue().add(Amounts.valueOrZero(order.getFreight()));
        if (!Objects.equals(order.getGoodsValue().getCurrency(), payment.getAmount().getCurrency())) {
            v.add(new RuleViolation("EX-CHARGE", "the money received is not in the order's currency",
                    List.of("/Order/GoodsValue/@currency", "/Payment/Amount/@currency")));
        } else if (differs(expected, payment.getAmount().getValue())) {
            v.add(new RuleViolation("EX-CHARGE", "the amount received is not the order's goods value plus freight",
                    List.of("/Order/GoodsValue", "/Order/Freight", "/Payment/Amount")));
        }
        BigDecimal lines = order.getLine().stream().map(OrderLineType::getLineAmount).map(AmountType::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (differs(order.getGoodsValue().getValue(), lines)) {
            v.add(new RuleViolation("EX-GOODS-VALUE", "the order's goods value is not the sum of its line totals",
                    List.of("/Order/GoodsValue", "/Order/Line/LineAmount")));
        }
        return v;
    }

    private boolean differs(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(tolerance) > 0;
    }
}
