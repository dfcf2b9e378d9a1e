package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Project;

/**
 * {@code corpus} writes N messages of a mix as {@code <mix>-<index>.xml}, or one batch file of a
 * size given with a unit, and says what it wrote; a mix or size it does not know is a usage error.
 */
class CorpusCommandTest {

    @Test
    void writes_the_messages_of_a_mix_and_says_what_it_wrote(@TempDir Path dir) throws Exception {
        Cli r = Cli.run(BenchMain::execute, "corpus", "--mix", "small", "--count", "3", "--seed", "5", "-o", dir.toString());
        assertEquals(0, r.exit, r.toString());
        CorpusGenerator generator = new CorpusGenerator(5);
        long bytes = 0;
        for (int i = 0; i < 3; i++) {
            byte[] expected = generator.message(Mix.SMALL, i).xml();
            assertArrayEquals(expected, Files.readAllBytes(dir.resolve("small-" + i + ".xml")));
            bytes += expected.length;
        }
        assertTrue(r.out.contains("wrote 3 small messages") && r.out.contains(bytes + " bytes, 3 orders"), r.out);
        Cli valid = Cli.run("validate", dir.resolve("small-0.xml").toString());
        assertEquals(0, valid.exit, valid.toString());
    }

    @Test
    void writes_a_batch_of_about_the_given_size(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("batch.xml");
        Cli r = Cli.run(BenchMain::execute, "corpus", "--batch-bytes", "300k", "--seed", "5", "-o", file.toString());
        assertEquals(0, r.exit, r.toString());
        long size = Files.size(file);
        assertTrue(size <= 300 * 1024 && size > 300 * 1024 - 3_000, size + " bytes");
        long orders = Project.read(file).split("<ceb:orderNo>", -1).length - 1;
        assertTrue(r.out.contains(size + " bytes, " + orders + " orders"), r.out);
    }

    @Test
    void an_unknown_mix_is_refused_with_the_choices() {
        Cli r = Cli.run(BenchMain::execute, "corpus", "--mix", "huge");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("unknown mix 'huge'") && r.err.contains("small, typical, large"), r.err);
    }

    @Test
    void a_size_without_a_known_unit_is_refused(@TempDir Path dir) {
        Path file = dir.resolve("batch.xml");
        Cli r = Cli.run(BenchMain::execute, "corpus", "--batch-bytes", "2t", "-o", file.toString());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("not a size"), r.err);
        assertFalse(Files.exists(file));
    }
}
