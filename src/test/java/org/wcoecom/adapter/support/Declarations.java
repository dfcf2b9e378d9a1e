package org.wcoecom.adapter.support;

import java.math.BigDecimal;

import org.wcoecom.adapter.canonical.model.AmountType;
import org.wcoecom.adapter.canonical.model.ClassificationType;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.GoodsItemType;
import org.wcoecom.adapter.canonical.model.QuantityType;

/** Small canonical declarations for rule and tax tests. */
public final class Declarations {

    private Declarations() {
    }

    public static DeclarationType with(BigDecimal freight) {
        DeclarationType d = new DeclarationType();
        if (freight != null) {
            d.setFreight(amount(freight));
        }
        return d;
    }

    /** Adds a goods line: commodity code, quantity, value in CNY. */
    public static DeclarationType line(DeclarationType d, String gcode, String qty, String value) {
        GoodsItemType g = new GoodsItemType();
        g.setSequence(d.getGoodsItem().size() + 1);
        g.setDescription("goods " + gcode);
        ClassificationType c = new ClassificationType();
        c.setScheme("CN-CUSTOMS10");
        c.setValue(gcode);
        g.getClassification().add(c);
        QuantityType q = new QuantityType();
        q.setValue(new BigDecimal(qty));
        q.setUnitCode("H87");
        g.setQuantity(q);
        g.setValue(amount(new BigDecimal(value)));
        d.getGoodsItem().add(g);
        return d;
    }

    public static AmountType amount(BigDecimal v) {
        AmountType a = new AmountType();
        a.setValue(v);
        a.setCurrency("CNY");
        return a;
    }
}
