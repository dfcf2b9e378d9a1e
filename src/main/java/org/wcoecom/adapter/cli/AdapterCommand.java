package org.wcoecom.adapter.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/wco-ecom-adapter.jar COMMAND}: the adapter's command line. */
@Command(name = "wco-ecom-adapter",
        mixinStandardHelpOptions = true,
        // --help (and --version) on every command and subcommand
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = AdapterCommand.Version.class,
        description = "Message interchange adapter for cross-border e-commerce customs data.",
        subcommands = {RunCommand.class, ValidateCommand.class, TranslateCommand.class, FormatsCommand.class, FormatCommand.class, CatalogueCommand.class, DlqCommand.class, AuditCommand.class, StatusCommand.class, SummaryCommand.class,
                CommandLine.HelpCommand.class})
public final class AdapterCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return execute(utf8(System.out), utf8(System.err), args);
    }

    /** Runs a command with the given output streams (UTF-8: messages carry Chinese text). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new AdapterCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            // configuration and set-up problems: the reason, not a stack trace
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return 2;
        });
        return cl.execute(args);
    }

    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AdapterCommand.class.getPackage().getImplementationVersion();
            return new String[] {"wco-ecom-adapter " + (v == null ? "(development build)" : v)};
        }
    }
}
