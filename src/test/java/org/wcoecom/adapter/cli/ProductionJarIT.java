package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;

/**
 * The production jar holds the adapter only: the benchmark and its corpus generator are test code
 * (run from target/wco-ecom-adapter-bench.jar, built by -Pbench), so none of their classes is
 * packaged and the adapter's command line offers neither.
 */
class ProductionJarIT {

    @Test
    void the_jar_holds_no_benchmark_class() throws Exception {
        try (JarFile jar = new JarFile(PackagedAdapter.JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertTrue(names.contains("org/wcoecom/adapter/cli/AdapterCommand.class"), "not the adapter's jar: " + names.size() + " entries");
            List<String> bench = names.stream()
                    .filter(n -> n.startsWith("org/wcoecom/adapter/bench/") || n.matches("org/wcoecom/adapter/.*/(Bench|Corpus)[A-Za-z$]*\\.class"))
                    .toList();
            assertEquals(List.of(), bench, "benchmark classes in the production jar");
        }
    }

    @Test
    void its_help_lists_no_benchmark_command() throws Exception {
        Process p = new ProcessBuilder(PackagedAdapter.java(), "-jar", PackagedAdapter.JAR.toString(), "--help")
                .directory(Project.root().toFile()).redirectErrorStream(true).start();
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "--help did not end within 60 s");
        assertEquals(0, p.exitValue(), help);
        assertTrue(help.contains("Commands:") && help.lines().anyMatch(l -> l.strip().startsWith("run ")), help);
        // picocli lists each command at the start of a line, indented, followed by its description
        assertFalse(help.lines().anyMatch(l -> l.strip().startsWith("bench") || l.strip().startsWith("corpus")), help);
    }
}
