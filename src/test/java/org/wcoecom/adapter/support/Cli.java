package org.wcoecom.adapter.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.wcoecom.adapter.cli.AdapterCommand;

/** Runs a command line in-process and keeps what it printed. */
public final class Cli {

    public final int exit;
    public final String out;
    public final String err;

    private Cli(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    /** A command line of the adapter ({@code java -jar target/wco-ecom-adapter.jar ARGS...}). */
    public static Cli run(String... args) {
        return run(AdapterCommand::execute, args);
    }

    /** A command line of another main, e.g. the benchmark's. */
    public static Cli run(Launcher main, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** A picocli top command run with the given streams, returning its exit code. */
    @FunctionalInterface
    public interface Launcher {
        int execute(PrintWriter out, PrintWriter err, String... args);
    }

    public String[] lines() {
        return out.strip().split("\\R");
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
