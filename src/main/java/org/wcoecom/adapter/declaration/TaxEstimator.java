package org.wcoecom.adapter.declaration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.wcoecom.adapter.canonical.Amounts;
import org.wcoecom.adapter.canonical.model.CodeType;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.GoodsItemType;
import org.wcoecom.adapter.canonical.model.RuleFlagType;
import org.wcoecom.adapter.canonical.model.TaxAssessmentType;
import org.wcoecom.adapter.canonical.model.TaxType;

/**
 * Estimates the taxes of a cross-border e-commerce retail import (China, Cai Guan Shui [2016] 18 and
 * [2018] 49): duty 0 within the limits, import VAT and consumption tax at 70 % of the statutory
 * amount. A declaration over the single-transaction or the buyer's annual limit is flagged with the
 * rule; the estimate itself stays the retail one and says so.
 */
public final class TaxEstimator {

    private static final MathContext MC = MathContext.DECIMAL64;

    private final TaxRates rates;
    private final BigDecimal factor;
    private final BigDecimal singleLimit;
    private final BigDecimal annualLimit;

    public TaxEstimator(TaxRates rates, BigDecimal factor, BigDecimal singleLimit, BigDecimal annualLimit) {
        this.rates = rates;
        this.factor = factor;
        this.singleLimit = singleLimit;
        this.annualLimit = annualLimit;
    }

    /**
     * Adds the estimate to the declaration: a Tax per goods item and type, and the TaxAssessment.
     *
     * @param boughtThisYear what the buyer has already declared this calendar year
     * @return the dutiable value of this declaration (to add to the buyer's annual total)
     */
    public BigDecimal estimate(DeclarationType d, BigDecimal boughtThisYear) {
        String currency = d.getGoodsItem().get(0).getValue().getCurrency();
        BigDecimal goods = d.getGoodsItem().stream().map(g -> g.getValue().getValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal charges = Amounts.valueOrZero(d.getFreight()).add(Amounts.valueOrZero(d.getInsurance()));
        BigDecimal dutiable = goods.add(charges);
        BigDecimal vatTotal = BigDecimal.ZERO;
        BigDecimal consumptionTotal = BigDecimal.ZERO;
        for (GoodsItemType item : d.getGoodsItem()) {
            BigDecimal value = item.getValue().getValue();
            // freight and insurance shared by value
            BigDecimal base = goods.signum() == 0 ? value : value.add(charges.multiply(value, MC).divide(goods, MC));
            TaxRates.Rate rate = rates.of(item.getClassification().isEmpty() ? "" : item.getClassification().get(0).getValue());
            BigDecimal grossed = base.divide(BigDecimal.ONE.subtract(rate.consumption()), MC);
            BigDecimal consumption = money(grossed.multiply(rate.consumption()).multiply(factor));
            BigDecimal vat = money(grossed.multiply(rate.vat()).multiply(factor));
            item.getTax().add(tax("DUTY", base, BigDecimal.ZERO, BigDecimal.ZERO, currency));
            item.getTax().add(tax("VAT", base, rate.vat().multiply(factor), vat, currency));
            item.getTax().add(tax("CONSUMPTION", base, rate.consumption().multiply(factor), consumption, currency));
            vatTotal = vatTotal.add(vat);
            consumptionTotal = consumptionTotal.add(consumption);
        }
        TaxAssessmentType assessment = new TaxAssessmentType();
        CodeType basis = new CodeType();
        basis.setValue("ESTIMATE");
        assessment.setBasis(basis);
        assessment.getTax().add(tax("DUTY", dutiable, BigDecimal.ZERO, BigDecimal.ZERO, currency));
        assessment.getTax().add(tax("VAT", dutiable, null, vatTotal, currency));
        assessment.getTax().add(tax("CONSUMPTION", dutiable, null, consumptionTotal, currency));
        assessment.setTotal(Amounts.of(vatTotal.add(consumptionTotal), currency));
        if (dutiable.compareTo(singleLimit) > 0) {
            boolean oneItem = d.getGoodsItem().size() == 1 && d.getGoodsItem().get(0).getQuantity().getValue().compareTo(BigDecimal.ONE) == 0;
            assessment.getFlag().add(flag("CBEC-SINGLE-LIMIT", "dutiable value " + Amounts.plain(dutiable) + " " + currency
                    + " exceeds the single-transaction limit of " + Amounts.plain(singleLimit) + " " + currency
                    + (oneItem ? "; a single indivisible item may still clear as cross-border retail, taxed in full at general-trade rates"
                            : "; not admissible as cross-border retail: customs will refuse it or tax it as general trade")
                    + "; the estimate above uses retail rates"));
        }
        if (boughtThisYear.add(dutiable).compareTo(annualLimit) > 0) {
            assessment.getFlag().add(flag("CBEC-ANNUAL-LIMIT", "the buyer has declared " + Amounts.plain(boughtThisYear) + " " + currency
                    + " this year; with " + Amounts.plain(dutiable) + " more the annual limit of " + Amounts.plain(annualLimit) + " " + currency
                    + " is exceeded: customs will refuse it or tax it as general trade; the estimate above uses retail rates"));
        }
        d.setTaxAssessment(assessment);
        return dutiable;
    }

    private static TaxType tax(String type, BigDecimal base, BigDecimal rate, BigDecimal amount, String currency) {
        TaxType t = new TaxType();
        CodeType code = new CodeType();
        code.setValue(type);
        t.setType(code);
        t.setBase(Amounts.of(money(base), currency));
        if (rate != null) {
            t.setRate(rate.stripTrailingZeros());
        }
        t.setAmount(Amounts.of(amount, currency));
        return t;
    }

    private static RuleFlagType flag(String code, String message) {
        RuleFlagType f = new RuleFlagType();
        f.setCode(code);
        f.setMessage(message);
        return f;
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
