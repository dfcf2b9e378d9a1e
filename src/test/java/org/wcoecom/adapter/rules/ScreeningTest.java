package org.wcoecom.adapter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Declarations;
import org.wcoecom.adapter.support.Project;

/** Screening as data: prohibited code prefixes and the positive list refuse goods with the reason. */
class ScreeningTest {

    private final Screening screening = Screening.load(Project.root().resolve("mappings/screening/prohibited.csv"),
            Project.root().resolve("mappings/screening/positive-list.csv"));

    @Test
    void live_animals_are_prohibited_with_the_reason() {
        var d = Declarations.line(Declarations.with(null), "0106190090", "1", "300");
        List<RuleViolation> v = screening.check(d);
        assertEquals("SCREEN-PROHIBITED", v.get(0).code());
        assertTrue(v.get(0).message().contains("live animals"), v.get(0).message());
        assertEquals(List.of("/Declaration/GoodsItem[1]/Classification"), v.get(0).paths());
    }

    @Test
    void goods_off_the_positive_list_are_refused_and_listed_goods_pass() {
        var d = Declarations.line(Declarations.line(Declarations.with(null), "1901101010", "1", "300"), "8471300000", "1", "3000");
        List<RuleViolation> v = screening.check(d);
        assertEquals(1, v.size());
        assertEquals("SCREEN-NOT-LISTED", v.get(0).code());
        assertTrue(v.get(0).message().startsWith("line 2:"), v.get(0).message());
    }

    @Test
    void missing_lists_switch_their_check_off(@TempDir Path dir) {
        Screening off = Screening.load(dir.resolve("none.csv"), dir.resolve("none-either.csv"));
        assertTrue(off.check(Declarations.line(Declarations.with(null), "0106190090", "1", "300")).isEmpty());
    }
}
