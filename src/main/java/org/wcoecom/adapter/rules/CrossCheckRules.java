package org.wcoecom.adapter.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.wcoecom.adapter.canonical.Amounts;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.AmountType;
import org.wcoecom.adapter.canonical.model.OrderLineType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;

/**
 * The three-document check (三单对碰) over an order, its payment and its waybill. Each rule has a
 * code, a message saying what disagrees, and the canonical fields involved. The messages never
 * carry values: every sender of the group is told every rule broken, and the buyer's name, identity
 * number, telephone and address, and the amounts, belong to the sender of the document they are in.
 *
 * <table>
 * <tr><td>CC-PAID-AMOUNT</td><td>the payment's amount equals the order's paid amount (same currency)</td></tr>
 * <tr><td>CC-PAY-TRANSACTION</td><td>the payment's transaction id equals the one the order names</td></tr>
 * <tr><td>CC-ORDER-NUMBER</td><td>payment and waybill carry the order's number exactly</td></tr>
 * <tr><td>CC-PAYER</td><td>the payer is the buyer (name and identity document number)</td></tr>
 * <tr><td>CC-CONSIGNEE</td><td>the waybill's consignee is the order's (name, telephone, address)</td></tr>
 * <tr><td>CC-GOODS-VALUE</td><td>the order's goods value is the sum of its line totals</td></tr>
 * <tr><td>CC-PAID-FORMULA</td><td>paid amount = goods value + freight - discount + tax</td></tr>
 * </table>
 * Amounts are compared within a tolerance (default 0). That the payment names the order's platform
 * and comes from the payment enterprise the order names is not a rule here: the documents are
 * gathered by platform, and the order's payment slot is its named enterprise's (CrossCheckSteps).
 */
public final class CrossCheckRules {

    private final BigDecimal tolerance;

    public CrossCheckRules(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    public List<RuleViolation> check(OrderType order, PaymentType payment, ShipmentType waybill) {
        List<RuleViolation> v = new ArrayList<>();
        BigDecimal paid = Amounts.valueOrZero(order.getAmountPaid());
        if (order.getAmountPaid() != null && !Objects.equals(order.getAmountPaid().getCurrency(), payment.getAmount().getCurrency())) {
            v.add(new RuleViolation("CC-PAID-AMOUNT", "the payment is not in the currency of the order's paid amount",
                    List.of("/Order/AmountPaid/@currency", "/Payment/Amount/@currency")));
        } else if (differs(paid, payment.getAmount().getValue())) {
            v.add(new RuleViolation("CC-PAID-AMOUNT", "the payment's amount differs from the order's paid amount",
                    List.of("/Order/AmountPaid", "/Payment/Amount")));
        }
        if (order.getPaymentTransactionId() != null && !order.getPaymentTransactionId().equals(payment.getPaymentTransactionId())) {
            v.add(new RuleViolation("CC-PAY-TRANSACTION", "the payment is not the transaction the order names",
                    List.of("/Order/PaymentTransactionId", "/Payment/PaymentTransactionId")));
        }
        if (!order.getOrderNumber().equals(payment.getOrderNumber())) {
            v.add(new RuleViolation("CC-ORDER-NUMBER", "the payment does not carry the order's number exactly",
                    List.of("/Order/OrderNumber", "/Payment/OrderNumber")));
        }
        if (!order.getOrderNumber().equals(waybill.getOrderNumber())) {
            v.add(new RuleViolation("CC-ORDER-NUMBER", "the waybill does not carry the order's number exactly",
                    List.of("/Order/OrderNumber", "/Shipment/OrderNumber")));
        }
        var buyer = Parties.role(order.getParty(), PartyRoleType.BUYER);
        var payer = Parties.role(payment.getParty(), PartyRoleType.PAYER);
        List<String> payerProblems = new ArrayList<>();
        if (!Parties.name(buyer).equals(Parties.name(payer))) {
            payerProblems.add("the payer's name is not the buyer's");
        }
        if (!Parties.personId(buyer).map(i -> i.getValue()).equals(Parties.personId(payer).map(i -> i.getValue()))) {
            payerProblems.add("the payer's identity document number is not the buyer's");
        }
        if (!payerProblems.isEmpty()) {
            v.add(new RuleViolation("CC-PAYER", String.join("; ", payerProblems),
                    List.of("/Order/Party[@role='BUYER']", "/Payment/Party[@role='PAYER']")));
        }
        var orderConsignee = Parties.role(order.getParty(), PartyRoleType.CONSIGNEE);
        var waybillConsignee = Parties.role(waybill.getParty(), PartyRoleType.CONSIGNEE);
        List<String> consigneeProblems = new ArrayList<>();
        compare(consigneeProblems, "name", Parties.name(orderConsignee), Parties.name(waybillConsignee));
        compare(consigneeProblems, "telephone", Parties.telephone(orderConsignee), Parties.telephone(waybillConsignee));
        compare(consigneeProblems, "address", Parties.addressLine(orderConsignee), Parties.addressLine(waybillConsignee));
        if (!consigneeProblems.isEmpty()) {
            v.add(new RuleViolation("CC-CONSIGNEE", "the waybill's consignee differs from the order's in: " + String.join(", ", consigneeProblems),
                    List.of("/Order/Party[@role='CONSIGNEE']", "/Shipment/Party[@role='CONSIGNEE']")));
        }
        BigDecimal lines = order.getLine().stream().map(OrderLineType::getLineAmount).map(AmountType::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (differs(order.getGoodsValue().getValue(), lines)) {
            v.add(new RuleViolation("CC-GOODS-VALUE", "the order's goods value is not the sum of its line totals",
                    List.of("/Order/GoodsValue", "/Order/Line/LineAmount")));
        }
        BigDecimal formula = order.getGoodsValue().getValue().add(Amounts.valueOrZero(order.getFreight()))
                .subtract(Amounts.valueOrZero(order.getDiscount())).add(Amounts.valueOrZero(order.getTaxCollected()));
        if (order.getAmountPaid() != null && differs(paid, formula)) {
            v.add(new RuleViolation("CC-PAID-FORMULA", "the order's paid amount is not goods value + freight - discount + tax",
                    List.of("/Order/AmountPaid", "/Order/GoodsValue", "/Order/Freight", "/Order/Discount", "/Order/TaxCollected")));
        }
        return v;
    }

    /** Which parts differ, by name only: the values belong to the order's and the waybill's senders. */
    private static void compare(List<String> problems, String what, Optional<String> order, Optional<String> waybill) {
        if (!order.equals(waybill)) {
            problems.add(what);
        }
    }

    private boolean differs(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(tolerance) > 0;
    }

}
