package org.wcoecom.adapter.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.settings.Settings;

/** Runs the chosen scenarios one after another on the same inputs and reports them. */
public final class Benchmark {

    /** Every scenario, in the order they run; all but {@code long} by default. */
    public static final List<String> SCENARIOS = List.of("translate", "end-to-end", "realistic", "reference", "splitting", "long");
    public static final List<String> DEFAULT_SCENARIOS = SCENARIOS.subList(0, 5);

    /**
     * @param threads     workers (translate) and JMS consumers per route (adapter and references alike)
     * @param senders     partner connections sending at once (per partner)
     * @param workDir     where the throw-away brokers and databases go (deleted afterwards)
     * @param heap        the heap limit of the system under test's JVM (e.g. 512m)
     * @param longSeconds how long the long scenario runs
     * @param window      messages in flight at most when saturating; 0: about 2 MB of them (4 to 64)
     */
    public record Options(Mix mix, double seconds, double warmupSeconds, int threads, int senders, long seed,
                          List<String> scenarios, Path workDir, String heap, double longSeconds, int window) {
    }

    private final Settings settings;
    private final Options options;
    private final PrintWriter log;

    public Benchmark(Settings settings, Options options, PrintWriter log) {
        this.settings = settings;
        this.options = options;
        this.log = log;
    }

    public BenchReport run() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(options.seed());
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // in flight at once: enough that the consumers never wait for the load (about 2 MB of messages,
        // 4 to 64 of them), few enough that the queues stay short
        int window = options.window() > 0 ? options.window()
                : Math.max(4, Math.min(64, 2_000_000 / Math.max(1, generator.message(options.mix(), 0).xml().length)));
        SystemScenario.Load load = new SystemScenario.Load(options.threads(), options.senders(), window, options.warmupSeconds(),
                options.seconds(), List.of("-Xmx" + options.heap()));
        Files.createDirectories(options.workDir());
        try {
            if (options.scenarios().contains("translate")) {
                say("translate: in process, %s mix, %d thread(s), %.0f s (+%.0f s warm-up)");
                Corpus corpus = new Corpus(generator, options.mix(), 64);
                attempt("translate", failures, () -> results.add(new TranslateScenario(FormatRegistry.configured(settings), corpus)
                        .run(options.mix().label(), options.threads(), options.warmupSeconds(), options.seconds())));
            }
            runSystem("end-to-end", "adapter", Traffic.ordersOnly(generator, options.mix()), load, results, failures,
                    "end-to-end: the adapter (own JVM, -Xmx%5$s) on its persistent embedded broker, the platform's orders only, %1$s mix, "
                            + "%2$d consumer(s) per route, %3$.0f s (+%4$.0f s warm-up), then at 50%% and 80%% of that rate");
            runSystem("realistic", "adapter", Traffic.realistic(generator, options.mix(), true), load, results, failures,
                    "realistic: the adapter (own JVM, -Xmx%5$s), orders, payments and waybills from three partners, corrections and "
                            + "re-sends, %1$s mix, %2$d consumer(s), %3$.0f s (+%4$.0f s warm-up), then at 50%% and 80%%");
            runSystem("reference", "reference", Traffic.ordersOnly(generator, options.mix()), load, results, failures,
                    "reference: stock Camel route, one message out per message, on a broker set up as the adapter's (own JVM, -Xmx%5$s), "
                            + "%1$s mix, %2$d consumer(s), %3$.0f s (+%4$.0f s warm-up), then at 50%% and 80%%");
            runSystem("splitting", "splitting", Traffic.ordersOnly(generator, options.mix()), load, results, failures,
                    "splitting: stock Camel route, one message out per record, on a broker set up as the adapter's (own JVM, -Xmx%5$s), "
                            + "%1$s mix, %2$d consumer(s), %3$.0f s (+%4$.0f s warm-up), then at 50%% and 80%%");
            if (options.scenarios().contains("long")) {
                say("long: the adapter saturated from a cold start for " + Math.round(options.longSeconds())
                        + " s, realistic traffic without re-sends, retention short (audit and records kept 0 days, purged every 10 s), "
                        + "store and broker sizes every 10 s");
                Path data = Files.createTempDirectory(options.workDir(), "long-");
                Settings shortRetention = settings.with("adapter.retention.audit-days", "0").with("adapter.retention.records-days", "0")
                        .with("adapter.retention.interval", "10000");
                attempt("long", failures, () -> {
                    Result got = new SystemScenario("adapter", "long", shortRetention, data, Traffic.realistic(generator, options.mix(), false),
                            options.mix()).runLong(load, options.longSeconds());
                    results.add(got);
                    deleteUnlessDeclarationsMissing("long", data, List.of(got));
                });
            }
        } finally {
            log.flush();
        }
        return new BenchReport(results, failures, options.seed());
    }

    private void runSystem(String scenario, String system, Traffic traffic, SystemScenario.Load load, List<Result> results,
                           List<String> failures, String what) throws Exception {
        if (!options.scenarios().contains(scenario)) {
            return;
        }
        say(what);
        Path data = Files.createTempDirectory(options.workDir(), scenario + "-");
        attempt(scenario, failures, () -> {
            List<Result> got = new SystemScenario(system, scenario, settings, data, traffic, options.mix()).run(load);
            results.addAll(got);
            deleteUnlessDeclarationsMissing(scenario, data, got);
        });
    }

    /** A run some declarations never came from keeps its store, broker and log, to find out where they are. */
    private void deleteUnlessDeclarationsMissing(String scenario, Path data, List<Result> got) throws IOException {
        if (got.stream().anyMatch(r -> r.footprint().declarationsMissing() > 0)) {
            say(scenario + ": declarations due never came; its data folder and target.log stay in " + data);
        } else {
            delete(data);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs one scenario; when it fails, says why and goes on with the others (an official run takes
     * most of an hour). Its data folder and the target's log stay in the work folder.
     */
    private void attempt(String scenario, List<String> failures, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            String why = scenario + ": " + e;
            failures.add(why);
            log.println("FAILED " + why + " (its data folder and log, if any, stay in " + options.workDir() + ")");
            log.flush();
        }
    }

    private void say(String format) {
        log.println(String.format(Locale.ROOT, format, options.mix().label(), options.threads(), options.seconds(), options.warmupSeconds(),
                options.heap()));
        log.flush();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
