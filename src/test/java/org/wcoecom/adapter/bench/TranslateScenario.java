package org.wcoecom.adapter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.Translator;

/**
 * In process, no broker: each message is parsed and validated, translated to canonical (each
 * document validated), and each canonical record translated back to the partner format (validated).
 * The engine the pipeline runs, without the pipeline around it.
 */
final class TranslateScenario {

    private final FormatRegistry registry;
    private final Corpus corpus;

    TranslateScenario(FormatRegistry registry, Corpus corpus) {
        this.registry = registry;
        this.corpus = corpus;
    }

    Result run(String mix, int threads, double warmupSeconds, double seconds) throws Exception {
        MessageReader reader = new MessageReader(registry, 20);
        Translator translator = new Translator(registry, 20);
        AtomicLong next = new AtomicLong();
        runFor(warmupSeconds, threads, () -> translateOne(reader, translator, next.getAndIncrement(), null));
        Meter meter = new Meter(Meter.SELF);
        runFor(seconds, threads, () -> translateOne(reader, translator, next.getAndIncrement(), meter));
        return new Result("translate", "translate", "orders", mix, threads, meter.figures(0),
                new Result.Footprint(JvmUsage.residentBytes()[1], Runtime.getRuntime().maxMemory(), 0, List.of(), List.of(), 0));
    }

    private void translateOne(MessageReader reader, Translator translator, long index, Meter meter) throws Exception {
        CorpusGenerator.GeneratedMessage m = corpus.get(index);
        long start = System.nanoTime();
        ReadResult read = reader.read(m.xml());
        if (!read.valid()) {
            throw new IllegalStateException("a generated message is invalid: " + read.allErrors());
        }
        Format format = read.format().orElseThrow();
        List<CanonicalDocument> canonical = translator.toCanonical(format, read.document().orElseThrow(), Map.of());
        for (CanonicalDocument doc : canonical) {
            translator.fromCanonical(format, doc.tree(), Map.of());
        }
        if (meter != null) {
            meter.done(m.xml().length, canonical.size(), System.nanoTime() - start);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** Runs the work on that many threads, over and over, until the time is up; the first failure stops all. */
    static void runFor(double seconds, int threads, Work work) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && failures.isEmpty()) {
                        work.run();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "bench-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
