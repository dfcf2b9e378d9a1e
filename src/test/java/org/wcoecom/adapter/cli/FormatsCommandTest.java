package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.support.Cli;

/** {@code formats} lists every registered format with its root element, kind and directions. */
class FormatsCommandTest {

    @Test
    void lists_the_registered_formats() {
        Cli r = Cli.run("formats");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.lines()[0].matches("ID\\s+ROOT ELEMENT\\s+KIND\\s+DIRECTIONS"), r.lines()[0]);
        assertTrue(Arrays.stream(r.lines()).anyMatch(l -> l.matches(
                "ceb311\\s+\\{http://www.chinaport.gov.cn/ceb}CEB311Message\\s+order\\s+to-canonical, from-canonical")), r.out);
        assertTrue(Arrays.stream(r.lines()).anyMatch(l -> l.matches(
                "ceb312\\s+\\{http://www.chinaport.gov.cn/ceb}CEB312Message\\s+receipt\\s+to-canonical, from-canonical")), r.out);
        assertTrue(Arrays.stream(r.lines()).anyMatch(l -> l.startsWith("canonical ")), r.out);
    }
}
