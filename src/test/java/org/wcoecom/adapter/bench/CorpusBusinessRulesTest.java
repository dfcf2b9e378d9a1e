package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.rules.Screening;
import org.wcoecom.adapter.security.SenderIdentity;
import org.wcoecom.adapter.support.Declarations;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Generated orders keep the rules the adapter and customs apply beyond the schema: the amounts add
 * up, every code is demo-platform's own, the code lists know every code, the goods are catalogue
 * items that pass screening, and buyers have well-formed resident ID numbers.
 */
class CorpusBusinessRulesTest {

    private static final BigDecimal SINGLE_LIMIT = new BigDecimal("5000");

    private final Translations engine = new Translations();
    private final CorpusGenerator generator = new CorpusGenerator(77L);

    @ParameterizedTest
    @EnumSource(Mix.class)
    void amounts_add_up_in_every_order(Mix mix) {
        XdmNode doc = engine.valid(generator.message(mix, 0).xml());
        for (int k = 1; k <= mix.orders(); k++) {
            String order = "/ceb:CEB311Message/ceb:Order[" + k + "]";
            BigDecimal lines = BigDecimal.ZERO;
            List<String> qty = Xml.values(doc, order + "/ceb:OrderList/ceb:qty");
            List<String> price = Xml.values(doc, order + "/ceb:OrderList/ceb:price");
            List<String> total = Xml.values(doc, order + "/ceb:OrderList/ceb:totalPrice");
            for (int i = 0; i < total.size(); i++) {
                assertEquals(0, new BigDecimal(qty.get(i)).multiply(new BigDecimal(price.get(i))).compareTo(new BigDecimal(total.get(i))),
                        order + " line " + (i + 1) + ": totalPrice is not qty x price");
                lines = lines.add(new BigDecimal(total.get(i)));
            }
            BigDecimal goods = amount(doc, order, "goodsValue");
            assertEquals(0, goods.compareTo(lines), order + ": goodsValue is not the sum of the line totals");
            BigDecimal paid = amount(doc, order, "acturalPaid");
            BigDecimal formula = goods.add(amount(doc, order, "freight")).add(amount(doc, order, "taxTotal"))
                    .subtract(amount(doc, order, "discount"));
            assertEquals(0, paid.compareTo(formula), order + ": acturalPaid is not goodsValue + freight + taxTotal - discount");
            assertTrue(paid.compareTo(SINGLE_LIMIT) <= 0, order + " pays " + paid + ", over the single-transaction limit");
        }
    }

    @ParameterizedTest
    @EnumSource(Mix.class)
    void every_sender_code_is_demo_platforms_own(Mix mix) {
        XdmNode doc = engine.valid(generator.message(mix, 1).xml());
        Format ceb311 = engine.formats().byId("ceb311").orElseThrow();
        var partner = PartnerDirectory.load(Optional.empty()).byId("demo-platform").orElseThrow();
        assertEquals(List.of(), SenderIdentity.check(partner, ceb311, doc, ceb311.records(doc)));
    }

    @ParameterizedTest
    @EnumSource(Mix.class)
    void the_code_lists_know_every_code(Mix mix) throws Exception {
        // a unit, country or currency missing from mappings/codelists stops the translation
        assertEquals(mix.orders(), engine.toCanonical(generator.message(mix, 2).xml()).size());
    }

    @ParameterizedTest
    @EnumSource(Mix.class)
    void the_goods_are_catalogue_items_that_pass_screening(Mix mix) throws Exception {
        Map<String, String> gcodes = new HashMap<>();
        List<String> rows = Files.readAllLines(Project.root().resolve("mappings/catalogue/example-items.csv"));
        for (String row : rows.subList(1, rows.size())) {
            if (!row.isBlank()) {
                gcodes.put(row.split(",")[0], row.split(",")[1]);
            }
        }
        Screening screening = Screening.load(Project.root().resolve("mappings/screening/prohibited.csv"),
                Project.root().resolve("mappings/screening/positive-list.csv"));
        XdmNode doc = engine.valid(generator.message(mix, 3).xml());
        for (String itemNo : Xml.values(doc, "//ceb:OrderList/ceb:itemNo")) {
            assertTrue(gcodes.containsKey(itemNo), itemNo + " is not in the catalogue");
            assertTrue(itemNo.length() <= 20, itemNo + " is longer than an inventory line's item number");
            assertEquals(List.of(), screening.check(Declarations.line(Declarations.with(null), gcodes.get(itemNo), "1", "100")));
        }
    }

    @ParameterizedTest
    @EnumSource(Mix.class)
    void buyers_have_resident_id_numbers_with_their_check_character(Mix mix) {
        XdmNode doc = engine.valid(generator.message(mix, 4).xml());
        for (String id : Xml.values(doc, "//ceb:buyerIdNumber")) {
            assertTrue(id.matches("\\d{6}(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dX]"), id);
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (id.charAt(i) - '0') * weights[i];
            }
            assertEquals("10X98765432".charAt(sum % 11), id.charAt(17), id);
        }
    }

    private static BigDecimal amount(XdmNode doc, String order, String element) {
        return new BigDecimal(Xml.value(doc, order + "/ceb:OrderHead/ceb:" + element));
    }
}
