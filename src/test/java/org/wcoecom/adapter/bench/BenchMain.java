package org.wcoecom.adapter.bench;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar target/wco-ecom-adapter-bench.jar COMMAND}: the benchmark and its input generator.
 * They are test code, kept out of the adapter's jar; this jar (built by {@code -Pbench}) holds them
 * and reaches the adapter's jar and its libraries through its manifest's class path.
 */
@Command(name = "wco-ecom-adapter-bench",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = BenchMain.Version.class,
        description = "Benchmark of the wco-ecom-adapter: generated CEB input, throughput, latency and footprint.",
        subcommands = {CorpusCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(utf8(System.out), utf8(System.err), args));
    }

    /** Runs a command with the given output streams and returns its exit code (tests call this instead of main). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new BenchMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            // as the adapter's commands: the reason, not a stack trace
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
            String v = BenchMain.class.getPackage().getImplementationVersion();
            return new String[] {"wco-ecom-adapter-bench " + (v == null ? "(development build)" : v)};
        }
    }
}
