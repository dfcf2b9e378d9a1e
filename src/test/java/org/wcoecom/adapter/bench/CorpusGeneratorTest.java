package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Each mix gives CEB311 messages valid against the project's schema, of the mix's size (within
 * 15 %) and number of orders; the same seed gives the same bytes, another seed others; order
 * numbers never repeat over the messages of one seed.
 */
class CorpusGeneratorTest {

    /** What the benchmark calls each mix, in KiB. */
    private static final Map<Mix, Integer> SIZE_KIB = Map.of(Mix.SMALL, 3, Mix.TYPICAL, 17, Mix.LARGE, 250);

    private final Translations engine = new Translations();
    private final CorpusGenerator generator = new CorpusGenerator(20261111L);

    @ParameterizedTest
    @EnumSource(Mix.class)
    void messages_are_valid_of_their_size_and_order_count(Mix mix) {
        double expected = SIZE_KIB.get(mix) * 1024.0;
        for (int index = 0; index < 3; index++) {
            CorpusGenerator.GeneratedMessage m = generator.message(mix, index);
            var doc = engine.valid(m.xml());
            assertEquals(mix.orders(), m.orderNos().size());
            assertEquals(m.orderNos(), Xml.values(doc, "/ceb:CEB311Message/ceb:Order/ceb:OrderHead/ceb:orderNo"));
            double ratio = m.xml().length / expected;
            assertTrue(ratio > 0.85 && ratio < 1.15, mix + " message " + index + " is " + m.xml().length + " bytes");
        }
    }

    @Test
    void the_same_seed_gives_the_same_bytes_another_seed_others() {
        CorpusGenerator again = new CorpusGenerator(20261111L);
        CorpusGenerator other = new CorpusGenerator(20261112L);
        for (Mix mix : Mix.values()) {
            assertArrayEquals(generator.message(mix, 4).xml(), again.message(mix, 4).xml(), mix.label());
            assertFalse(Arrays.equals(generator.message(mix, 4).xml(), other.message(mix, 4).xml()), mix.label());
            assertFalse(Arrays.equals(generator.message(mix, 4).xml(), generator.message(mix, 5).xml()), mix.label());
        }
    }

    @Test
    void order_numbers_are_unique_over_every_message_of_a_seed() {
        List<String> all = new ArrayList<>();
        for (int index = 0; index < 120; index++) {
            all.addAll(generator.message(Mix.SMALL, index).orderNos());
            all.addAll(generator.message(Mix.TYPICAL, index).orderNos());
        }
        for (int index = 0; index < 4; index++) {
            all.addAll(generator.message(Mix.LARGE, index).orderNos());
        }
        assertEquals(all.size(), new HashSet<>(all).size(), "repeated order numbers");
        assertTrue(all.stream().allMatch(no -> no.length() <= 60), "an order number is longer than 60 characters");
    }

    @Test
    void a_negative_index_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> generator.message(Mix.SMALL, -1));
    }
}
