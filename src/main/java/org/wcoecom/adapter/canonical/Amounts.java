package org.wcoecom.adapter.canonical;

import java.math.BigDecimal;

import org.wcoecom.adapter.canonical.model.AmountType;

/** Canonical amounts: building them, reading optional ones, showing them in messages. */
public final class Amounts {

    private Amounts() {
    }

    public static AmountType of(BigDecimal value, String currency) {
        AmountType a = new AmountType();
        a.setValue(value);
        a.setCurrency(currency);
        return a;
    }

    /** The value of an optional amount; an absent one counts as zero. */
    public static BigDecimal valueOrZero(AmountType amount) {
        return amount == null ? BigDecimal.ZERO : amount.getValue();
    }

    /** A number as people write it in a message: 20, not 20.00 or 2E+1. */
    public static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
