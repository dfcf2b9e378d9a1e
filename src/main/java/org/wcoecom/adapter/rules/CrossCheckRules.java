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
 * code, a message naming the values that disagree, and the canonical fields involved.
 *
 * <table>
 * <tr><td>CC-PAID-AMOUNT</td><td>the payment's amount equals the order's paid amount (same currency)</td></tr>
 * <tr><td>CC-PAY-TRANSACTION</td><td>the payment's transaction id equals the one the order names</td></tr>
 * <tr><td>CC-ORDER-NUMBER</td><td>payment and waybill carry the order's number exactly</td></tr>
 * <tr><td>CC-PLATFORM</td><td>the payment names the order's platform</td></tr>
 * <tr><td>CC-PAY-ENTERPRISE</td><td>the payment comes from the payment enterprise the order names</td></tr>
 * <tr><td>CC-PAYER</td><td>the payer is the buyer (name and identity document number)</td></tr>
 * <tr><td>CC-CONSIGNEE</td><td>the waybill's consignee is the order's (name, telephone, address)</td></tr>
 * <tr><td>CC-GOODS-VALUE</td><td>the order's goods value is the sum of its line totals</td></tr>
 * <tr><td>CC-PAID-FORMULA</td><td>paid amount = goods value + freight - discount + tax</td></tr>
 * </table>
 * Amounts are compared within a tolerance (default 0).
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
            v.add(new RuleViolation("CC-PAID-AMOUNT", "the payment is in " + payment.getAmount().getCurrency()
                    + ", the order in " + order.getAmountPaid().getCurrency(), List.of("/Order/AmountPaid/@currency", "/Payment/Amount/@currency")));
        } else if (differs(paid, payment.getAmount().getValue())) {
            v.add(new RuleViolation("CC-PAID-AMOUNT", "the payment's amount " + Amounts.plain(payment.getAmount().getValue())
                    + " differs from the order's paid amount " + Amounts.plain(paid), List.of("/Order/AmountPaid", "/Payment/Amount")));
        }
        if (order.getPaymentTransactionId() != null && !order.getPaymentTransactionId().equals(payment.getPaymentTransactionId())) {
            v.add(new RuleViolation("CC-PAY-TRANSACTION", "the order names payment transaction " + order.getPaymentTransactionId()
                    + ", the payment is " + payment.getPaymentTransactionId(), List.of("/Order/PaymentTransactionId", "/Payment/PaymentTransactionId")));
        }
        if (!order.getOrderNumber().equals(payment.getOrderNumber())) {
            v.add(new RuleViolation("CC-ORDER-NUMBER", "the payment is for order " + payment.getOrderNumber()
                    + ", not " + order.getOrderNumber(), List.of("/Order/OrderNumber", "/Payment/OrderNumber")));
        }
        if (!order.getOrderNumber().equals(waybill.getOrderNumber())) {
            v.add(new RuleViolation("CC-ORDER-NUMBER", "the waybill is for order " + waybill.getOrderNumber()
                    + ", not " + order.getOrderNumber(), List.of("/Order/OrderNumber", "/Shipment/OrderNumber")));
        }
        Optional<String> orderPlatform = Parties.customsCode(order.getParty(), PartyRoleType.PLATFORM);
        Optional<String> paymentPlatform = Parties.customsCode(payment.getParty(), PartyRoleType.PLATFORM);
        if (paymentPlatform.isPresent() && !paymentPlatform.equals(orderPlatform)) {
            v.add(new RuleViolation("CC-PLATFORM", "the payment names platform " + paymentPlatform.get() + ", the order "
                    + orderPlatform.orElse("none"), List.of("/Order/Party[@role='PLATFORM']/Identifier", "/Payment/Party[@role='PLATFORM']/Identifier")));
        }
        Optional<String> orderPsp = Parties.customsCode(order.getParty(), PartyRoleType.PAYMENT_SERVICE_PROVIDER);
        Optional<String> paymentPsp = Parties.customsCode(payment.getParty(), PartyRoleType.PAYMENT_SERVICE_PROVIDER);
        if (orderPsp.isPresent() && !orderPsp.equals(paymentPsp)) {
            v.add(new RuleViolation("CC-PAY-ENTERPRISE", "the order names payment enterprise " + orderPsp.get()
                    + ", the payment comes from " + paymentPsp.orElse("none"),
                    List.of("/Order/Party[@role='PAYMENT_SERVICE_PROVIDER']/Identifier", "/Payment/Party[@role='PAYMENT_SERVICE_PROVIDER']/Identifier")));
        }
        var buyer = Parties.role(order.getParty(), PartyRoleType.BUYER);
        var payer = Parties.role(payment.getParty(), PartyRoleType.PAYER);
        List<String> payerProblems = new ArrayList<>();
        if (!Parties.name(buyer).equals(Parties.name(payer))) {
            payerProblems.add("payer " + Parties.name(payer).orElse("none") + " is not buyer " + Parties.name(buyer).orElse("none"));
        }
        var buyerId = Parties.personId(buyer).map(i -> i.getValue());
        var payerId = Parties.personId(payer).map(i -> i.getValue());
        if (!buyerId.equals(payerId)) {
            payerProblems.add("payer identity document " + payerId.orElse("none") + " is not the buyer's " + buyerId.orElse("none"));
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
            v.add(new RuleViolation("CC-CONSIGNEE", "the waybill's consignee differs from the order's: " + String.join("; ", consigneeProblems),
                    List.of("/Order/Party[@role='CONSIGNEE']", "/Shipment/Party[@role='CONSIGNEE']")));
        }
        BigDecimal lines = order.getLine().stream().map(OrderLineType::getLineAmount).map(AmountType::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (differs(order.getGoodsValue().getValue(), lines)) {
            v.add(new RuleViolation("CC-GOODS-VALUE", "goods value " + Amounts.plain(order.getGoodsValue().getValue())
                    + " is not the sum of the line totals " + Amounts.plain(lines), List.of("/Order/GoodsValue", "/Order/Line/LineAmount")));
        }
        BigDecimal formula = order.getGoodsValue().getValue().add(Amounts.valueOrZero(order.getFreight()))
                .subtract(Amounts.valueOrZero(order.getDiscount())).add(Amounts.valueOrZero(order.getTaxCollected()));
        if (order.getAmountPaid() != null && differs(paid, formula)) {
            v.add(new RuleViolation("CC-PAID-FORMULA", "paid amount " + Amounts.plain(paid) + " is not goods value + freight - discount + tax = "
                    + Amounts.plain(formula), List.of("/Order/AmountPaid", "/Order/GoodsValue", "/Order/Freight", "/Order/Discount", "/Order/TaxCollected")));
        }
        return v;
    }

    private static void compare(List<String> problems, String what, Optional<String> order, Optional<String> waybill) {
        if (!order.equals(waybill)) {
            problems.add(what + " '" + waybill.orElse("") + "' on the waybill, '" + order.orElse("") + "' in the order");
        }
    }

    private boolean differs(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(tolerance) > 0;
    }

}
