package org.wcoecom.adapter.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.RuleFlagType;
import org.wcoecom.adapter.canonical.model.TaxType;
import org.wcoecom.adapter.support.Declarations;
import org.wcoecom.adapter.support.Project;

/**
 * The tax estimate of a cross-border retail import: duty 0, VAT and consumption tax at 70 % of the
 * statutory amount with the rates of mappings/tax/rates.csv, and the single-transaction (5,000) and
 * annual (26,000) limits flagged, at and around both limits.
 */
class TaxEstimateTest {

    private final TaxEstimator estimator = new TaxEstimator(TaxRates.load(Project.root().resolve("mappings/tax/rates.csv")),
            new BigDecimal("0.7"), new BigDecimal("5000"), new BigDecimal("26000"));

    @Test
    void vat_only_goods_pay_70_percent_of_13_percent() {
        DeclarationType d = Declarations.line(Declarations.with(null), "1901101010", "2", "1000");
        assertEquals(new BigDecimal("1000"), estimator.estimate(d, BigDecimal.ZERO));
        assertEquals(new BigDecimal("91.00"), total(d, "VAT"));
        assertEquals(new BigDecimal("0.00"), total(d, "CONSUMPTION"));
        assertEquals(new BigDecimal("0"), total(d, "DUTY").stripTrailingZeros());
        assertEquals(new BigDecimal("91.00"), d.getTaxAssessment().getTotal().getValue());
        assertEquals("ESTIMATE", d.getTaxAssessment().getBasis().getValue());
        assertTrue(d.getTaxAssessment().getFlag().isEmpty());
    }

    @Test
    void consumption_tax_goods_use_the_comprehensive_rate() {
        // (15 % + 13 %) / (1 - 15 %) x 70 % = 23.0588 %
        DeclarationType d = Declarations.line(Declarations.with(null), "3304990099", "1", "1000");
        estimator.estimate(d, BigDecimal.ZERO);
        assertEquals(new BigDecimal("123.53"), total(d, "CONSUMPTION"));
        assertEquals(new BigDecimal("107.06"), total(d, "VAT"));
        assertEquals(new BigDecimal("230.59"), d.getTaxAssessment().getTotal().getValue());
        TaxType lineVat = d.getGoodsItem().get(0).getTax().stream().filter(t -> "VAT".equals(t.getType().getValue())).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.091").compareTo(lineVat.getRate()));
    }

    @Test
    void freight_is_shared_by_value_into_the_base() {
        DeclarationType d = Declarations.line(Declarations.line(Declarations.with(new BigDecimal("100")), "1901101010", "1", "600"),
                "3304990099", "1", "400");
        assertEquals(new BigDecimal("1100"), estimator.estimate(d, BigDecimal.ZERO));
        assertEquals(new BigDecimal("660.00"), d.getGoodsItem().get(0).getTax().get(1).getBase().getValue());
        assertEquals(new BigDecimal("440.00"), d.getGoodsItem().get(1).getTax().get(1).getBase().getValue());
    }

    @Test
    void the_single_transaction_limit_is_flagged_just_above_it_only() {
        DeclarationType at = Declarations.line(Declarations.with(null), "1901101010", "2", "5000");
        estimator.estimate(at, BigDecimal.ZERO);
        assertTrue(at.getTaxAssessment().getFlag().isEmpty(), "5000.00 is within the limit");

        DeclarationType above = Declarations.line(Declarations.with(null), "1901101010", "2", "5000.01");
        estimator.estimate(above, BigDecimal.ZERO);
        assertEquals(List.of("CBEC-SINGLE-LIMIT"), codes(above));
        assertTrue(above.getTaxAssessment().getFlag().get(0).getMessage().contains("not admissible as cross-border retail"));
        assertEquals(new BigDecimal("455.00"), above.getTaxAssessment().getTotal().getValue(), "still the retail estimate, and it says so");

        DeclarationType oneItem = Declarations.line(Declarations.with(null), "9102110000", "1", "8000");
        estimator.estimate(oneItem, BigDecimal.ZERO);
        assertTrue(oneItem.getTaxAssessment().getFlag().get(0).getMessage().contains("single indivisible item"));
    }

    @Test
    void the_annual_limit_counts_what_the_buyer_declared_this_year() {
        DeclarationType at = Declarations.line(Declarations.with(null), "1901101010", "1", "4999.99");
        estimator.estimate(at, new BigDecimal("21000.01"));
        assertTrue(at.getTaxAssessment().getFlag().isEmpty(), "26000.00 in the year is within the limit");

        DeclarationType above = Declarations.line(Declarations.with(null), "1901101010", "1", "4999.99");
        estimator.estimate(above, new BigDecimal("21000.02"));
        assertEquals(List.of("CBEC-ANNUAL-LIMIT"), codes(above));
        assertTrue(above.getTaxAssessment().getFlag().get(0).getMessage().contains("21000.02"));
    }

    private static BigDecimal total(DeclarationType d, String type) {
        return d.getTaxAssessment().getTax().stream().filter(t -> type.equals(t.getType().getValue())).findFirst().orElseThrow()
                .getAmount().getValue();
    }

    private static List<String> codes(DeclarationType d) {
        return d.getTaxAssessment().getFlag().stream().map(RuleFlagType::getCode).toList();
    }
}
