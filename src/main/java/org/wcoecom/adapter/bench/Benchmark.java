package org.wcoecom.adapter.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.settings.Settings;

/** Runs the chosen scenarios one after another on the same inputs and reports them. */
public final class Benchmark {

    public static final List<String> SCENARIOS = List.of("translate", "end-to-end", "reference");

    /**
     * @param threads   workers (translate) and JMS consumers per route (adapter and reference alike)
     * @param senders   partner connections sending at once
     * @param workDir   where the throw-away brokers and databases go (deleted afterwards)
     */
    public record Options(Mix mix, double seconds, double warmupSeconds, int threads, int senders, long seed,
                          List<String> scenarios, Path workDir) {
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
        // in flight at once: enough that the consumers never wait for the load (about 2 MB of messages,
        // 4 to 64 of them), few enough that the queues stay short
        int window = Math.max(4, Math.min(64, 2_000_000 / Math.max(1, generator.message(options.mix(), 0).xml().length)));
        Files.createDirectories(options.workDir());
        try {
            if (options.scenarios().contains("translate")) {
                say("translate: %s mix, %d thread(s), %.0f s (+%.0f s warm-up)");
                Corpus corpus = new Corpus(generator, options.mix(), 64);
                results.add(new TranslateScenario(FormatRegistry.configured(settings), corpus)
                        .run(mixName(), options.threads(), options.warmupSeconds(), options.seconds()));
            }
            if (options.scenarios().contains("end-to-end")) {
                say("end-to-end: adapter on its persistent embedded broker, %s mix, %d consumer(s) per route, %.0f s (+%.0f s warm-up), then the same at half rate");
                Path data = Files.createTempDirectory(options.workDir(), "adapter-");
                results.addAll(new EndToEndScenario(EndToEndScenario.settingsFor(settings, data), generator)
                        .run(options.mix(), options.threads(), options.senders(), window, options.warmupSeconds(), options.seconds()));
                delete(data);
            }
            if (options.scenarios().contains("reference")) {
                say("reference: stock Camel route on the same kind of broker, %s mix, %d consumer(s), %.0f s (+%.0f s warm-up), then at half rate");
                Path data = Files.createTempDirectory(options.workDir(), "reference-");
                results.addAll(new ReferenceScenario(settings.home(), data, generator)
                        .run(options.mix(), options.threads(), options.senders(), window, options.warmupSeconds(), options.seconds()));
                delete(data);
            }
        } finally {
            log.flush();
        }
        return new BenchReport(results, options.seed());
    }

    private String mixName() {
        return options.mix().name().toLowerCase(java.util.Locale.ROOT);
    }

    private void say(String format) {
        log.println(String.format(java.util.Locale.ROOT, format, mixName(), options.threads(), options.seconds(), options.warmupSeconds()));
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
