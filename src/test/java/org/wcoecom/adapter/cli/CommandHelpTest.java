package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.Cli;

import picocli.CommandLine;

/**
 * {@code --help} works on every registered command and subcommand, also those with required
 * parameters ({@code audit --help} once exited with "Missing required parameter"): usage on
 * stdout, exit 0, nothing run.
 */
class CommandHelpTest {

    /** Every command path under the top command, e.g. [audit], [format, check], [dlq, replay]. */
    static Stream<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new AdapterCommand()), new ArrayList<>(), paths);
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
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit, r.toString());
        // picocli's own help command describes itself first
        assertTrue(r.out.startsWith("Usage: wco-ecom-adapter " + String.join(" ", command)) || command.equals(List.of("help")), r.out);
        assertTrue(r.out.contains("Usage: wco-ecom-adapter " + String.join(" ", command)), r.out);
        assertTrue(r.err.isEmpty(), r.err);
    }

    @org.junit.jupiter.api.Test
    void every_command_is_covered() {
        List<String> names = commands().map(p -> String.join(" ", p)).toList();
        assertTrue(names.containsAll(List.of("run", "validate", "translate", "formats", "format", "format new", "format check",
                "catalogue", "catalogue import", "dlq", "dlq list", "dlq show", "dlq replay", "audit", "status", "corpus", "bench", "help")), names.toString());
    }
}
