package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.bench.BenchMain;
import org.wcoecom.adapter.support.Cli;

import picocli.CommandLine;

/**
 * {@code --help} works on every registered command and subcommand, also those with required
 * parameters ({@code audit --help} once exited with "Missing required parameter"): usage on
 * stdout, exit 0, nothing run. The same for the benchmark's own commands, which are not the
 * adapter's.
 */
class CommandHelpTest {

    /** Every command path under the top command, e.g. [audit], [format, check], [dlq, replay]. */
    static Stream<List<String>> commands() {
        return paths(new CommandLine(new AdapterCommand()));
    }

    static Stream<List<String>> benchCommands() {
        return paths(new CommandLine(new BenchMain()));
    }

    private static Stream<List<String>> paths(CommandLine top) {
        List<List<String>> paths = new ArrayList<>();
        collect(top, new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            paths.add(p);
            collect(sub, p, paths);
        });
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void help_works(List<String> command) {
        assertHelp("wco-ecom-adapter", Cli.run(withHelp(command)), command);
    }

    @ParameterizedTest(name = "bench jar: {0} --help")
    @MethodSource("benchCommands")
    void help_works_on_the_benchmark_commands(List<String> command) {
        assertHelp("wco-ecom-adapter-bench", Cli.run(BenchMain::execute, withHelp(command)), command);
    }

    private static String[] withHelp(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        return args.toArray(String[]::new);
    }

    private static void assertHelp(String top, Cli r, List<String> command) {
        assertEquals(0, r.exit, r.toString());
        String usage = "Usage: " + top + " " + String.join(" ", command);
        // picocli's own help command describes itself first
        assertTrue(r.out.startsWith(usage) || command.equals(List.of("help")), r.out);
        assertTrue(r.out.contains(usage), r.out);
        assertTrue(r.err.isEmpty(), r.err);
    }

    @Test
    void every_command_is_covered() {
        List<String> names = commands().map(p -> String.join(" ", p)).toList();
        assertTrue(names.containsAll(List.of("run", "validate", "translate", "formats", "format", "format new", "format check",
                "catalogue", "catalogue import", "dlq", "dlq list", "dlq show", "dlq replay", "audit", "status", "summary", "help")),
                names.toString());
        List<String> bench = benchCommands().map(p -> String.join(" ", p)).toList();
        assertEquals(List.of("corpus", "bench", "help"), bench);
    }

    @Test
    void the_benchmark_is_not_a_command_of_the_adapter() {
        List<String> names = commands().map(p -> String.join(" ", p)).toList();
        assertFalse(names.contains("bench") || names.contains("corpus"), names.toString());
        Cli r = Cli.run("bench", "--seconds", "1");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("Unmatched argument") || r.err.contains("Unknown"), r.toString());
    }
}
