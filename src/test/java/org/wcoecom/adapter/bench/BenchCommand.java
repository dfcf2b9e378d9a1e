package org.wcoecom.adapter.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.settings.Settings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench}: throughput and latency of the adapter against a stock-Camel reference, on generated CEB311. */
@Command(name = "bench", description = {
        "Measure throughput, latency, CPU and footprint on generated CEB messages: translate (in process), end-to-end (the",
        "adapter in its own JVM on its persistent embedded broker, the platform's orders), realistic (orders, payments and",
        "waybills from three partners), reference and splitting (stock Camel routes on a broker set up like the adapter's).",
        "Prints a table and writes JSON. Exit code 0: ran (targets met or not); 1: a scenario failed (the others still ran)."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions common;

    @Option(names = "--mix", defaultValue = "typical", paramLabel = "MIX",
            description = "small (1 order, ~3 KB), typical (6 orders, ~17 KB) or large (100 orders, ~250 KB). Default: ${DEFAULT-VALUE}.")
    String mix;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per scenario. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--warmup", defaultValue = "120", description = {"Unmeasured seconds before each scenario: the JIT needs them;", "on 2 cores its compiler threads still took a third of the CPU", "after 70 s and settled by 120 s. Default: ${DEFAULT-VALUE}."})
    double warmup;

    @Option(names = "--threads", description = "Translation threads, and JMS consumers per route. Default: the number of cores.")
    Integer threads;

    @Option(names = "--senders", defaultValue = "4", description = "Sender threads, each with a connection per partner. Default: ${DEFAULT-VALUE}.")
    int senders;

    @Option(names = "--seed", defaultValue = "20261128", description = "Seed of the generated messages. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = {"Which to run, comma-separated: translate, end-to-end, realistic, reference, splitting, long.",
                    "Default: all but long (--long adds it)."})
    List<String> scenarios;

    @Option(names = "--long", description = {"Also run the long scenario: the adapter saturated from a cold start with retention set short,",
            "its store and broker sizes every 10 s (--long-seconds, default 600)."})
    boolean longRun;

    @Option(names = "--long-seconds", defaultValue = "600", paramLabel = "S", description = "How long the long scenario runs. Default: ${DEFAULT-VALUE}.")
    double longSeconds;

    @Option(names = "--window", defaultValue = "0", paramLabel = "N", description = {"Messages in flight at most when saturating",
            "(0: about 2 MB of them, 4 to 64). Default: ${DEFAULT-VALUE}."})
    int window;

    @Option(names = "--heap", defaultValue = "512m", paramLabel = "SIZE",
            description = "Heap limit (-Xmx) of the JVM the adapter and the reference routes run in. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--json", defaultValue = "target/bench/results.json", paramLabel = "FILE",
            description = "Where the JSON goes. Default: ${DEFAULT-VALUE}.")
    Path json;

    @Option(names = "--work", defaultValue = "target/bench/work", paramLabel = "DIR",
            description = "Throw-away brokers and databases (emptied afterwards). Default: ${DEFAULT-VALUE}.")
    Path work;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Mix chosen;
        try {
            chosen = Mix.parse(mix);
        } catch (IllegalArgumentException e) {
            err.println("ERROR " + e.getMessage());
            err.flush();
            return 2;
        }
        List<String> which = new java.util.ArrayList<>(scenarios == null ? Benchmark.DEFAULT_SCENARIOS : scenarios);
        if (longRun && !which.contains("long")) {
            which.add("long");
        }
        if (!heap.matches("[0-9]+[kKmMgG]?")) {
            err.println("ERROR --heap " + heap + ": a size such as 512m or 1g");
            err.flush();
            return 2;
        }
        for (String s : which) {
            if (!Benchmark.SCENARIOS.contains(s)) {
                err.println("ERROR unknown scenario '" + s + "'; known: " + String.join(", ", Benchmark.SCENARIOS));
                err.flush();
                return 2;
            }
        }
        Settings settings = common.settings();
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Benchmark.Options options = new Benchmark.Options(chosen, seconds, warmup, t, senders, seed, which, work, heap, longSeconds, window);
        BenchReport report;
        try {
            report = new Benchmark(settings, options, err).run();
        } catch (Exception e) {
            err.println("ERROR the benchmark failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return 1;
        }
        report.printTable(out);
        report.writeJson(json);
        out.println("JSON: " + json.toAbsolutePath());
        out.flush();
        return report.failures().isEmpty() ? 0 : 1;
    }
}
