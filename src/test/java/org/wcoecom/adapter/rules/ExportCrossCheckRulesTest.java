package org.wcoecom.adapter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.support.ExportMessages;
import org.wcoecom.adapter.support.ExportMessages.Keys;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Translations;

/**
 * The export rules over an export order, its receipt of payment and its waybill as the export formats
 * make them: the three of the examples agree; each rule fires on the disagreement it names, with the
 * canonical fields and no value.
 */
class ExportCrossCheckRulesTest {

    private static final UnaryOperator<String> SAME = s -> s;
    private final Translations engine = new Translations();
    private final ExportCrossCheckRules rules = new ExportCrossCheckRules(BigDecimal.ZERO);

    @Test
    void the_documents_of_one_export_order_agree() throws Exception {
        Keys k = Keys.fresh("R");
        assertEquals(List.of(), check(k, SAME, SAME, SAME));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("EX-ORDER-NUMBER", SAME, SAME, (UnaryOperator<String>) w -> w.replace("<ceb:note>orderNo:", "<ceb:note>orderNo:X")),
                Arguments.of("EX-ENTERPRISE", SAME, (UnaryOperator<String>) p -> p.replace("<ceb:ebcCode>4403966102<", "<ceb:ebcCode>4403966199<"), SAME),
                Arguments.of("EX-CONSIGNOR", SAME, SAME, (UnaryOperator<String>) w -> w.replace("</ceb:goodsInfo>", "</ceb:goodsInfo>\n    <ceb:ebcCode>4403966199</ceb:ebcCode>")),
                Arguments.of("EX-CHARGE", SAME, (UnaryOperator<String>) p -> p.replace("<ceb:charge>128<", "<ceb:charge>130<"), SAME),
                Arguments.of("EX-CHARGE", (UnaryOperator<String>) o -> o.replace("<ceb:freight>0<", "<ceb:freight>2<"), SAME, SAME),
                Arguments.of("EX-GOODS-VALUE", (UnaryOperator<String>) o -> o.replace("<ceb:goodsValue>128<", "<ceb:goodsValue>130<"),
                        (UnaryOperator<String>) p -> p.replace("<ceb:charge>128<", "<ceb:charge>130<"), SAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void each_rule_names_what_disagrees(String rule, UnaryOperator<String> order, UnaryOperator<String> payment,
                                        UnaryOperator<String> waybill) throws Exception {
        Keys k = Keys.fresh("R");
        List<RuleViolation> v = check(k, order, payment, waybill);
        assertEquals(List.of(rule), v.stream().map(RuleViolation::code).toList(), v.toString());
        assertTrue(v.get(0).paths().stream().allMatch(p -> p.startsWith("/Order") || p.startsWith("/Payment") || p.startsWith("/Shipment")),
                v.get(0).paths().toString());
        assertTrue(!v.get(0).message().matches(".*\\d{3,}.*"), "no codes or amounts in " + v.get(0).message());
    }

    private List<RuleViolation> check(Keys k, UnaryOperator<String> order, UnaryOperator<String> payment, UnaryOperator<String> waybill)
            throws Exception {
        OrderType o = (OrderType) Canonical.read(engine.toCanonical(Messages.utf8(order.apply(ExportMessages.order(k)))).get(0).xml());
        PaymentType p = (PaymentType) Canonical.read(engine.toCanonical(Messages.utf8(payment.apply(ExportMessages.payment(k)))).get(0).xml());
        ShipmentType s = (ShipmentType) Canonical.read(engine.toCanonical(Messages.utf8(waybill.apply(ExportMessages.waybill(k)))).get(0).xml());
        return rules.check(o, p, s);
    }
}
