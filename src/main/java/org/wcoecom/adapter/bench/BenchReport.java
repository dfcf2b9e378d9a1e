package org.wcoecom.adapter.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/** The benchmark's figures as a table for people and as JSON for tools. */
public final class BenchReport {

    /** Targets of the `typical` mix on the 2-core reference machine (see README, Benchmark). */
    static final double TRANSLATE_TARGET_MBS = 40;
    static final double END_TO_END_TARGET_MBS = 25;
    static final double LATENCY_TARGET_P99_MS = 50;
    static final double RATIO_TARGET = 3;

    private final List<Result> results;
    private final long seed;

    BenchReport(List<Result> results, long seed) {
        this.results = List.copyOf(results);
        this.seed = seed;
    }

    /** Adapter end-to-end MB/s over the reference's, when both ran. */
    Optional<Double> ratio() {
        return find("end-to-end").flatMap(a -> find("reference").map(r -> a.megabytesPerSecond() / r.megabytesPerSecond()));
    }

    private Optional<Result> find(String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }

    public void printTable(PrintWriter out) {
        String header = "%-17s %-8s %3s %8s %10s %9s %8s %8s %8s %7s %9s %8s";
        String row = "%-17s %-8s %3d %8.1f %10.0f %9.1f %8.1f %8.1f %8.1f %7d %9.0f %8.0f";
        out.println(String.format(Locale.ROOT, header, "scenario", "mix", "thr", "MB/s", "records/s", "msgs/s",
                "p50 ms", "p99 ms", "max ms", "GC ms", "heap MB", "RSS MB"));
        for (Result r : results) {
            out.println(String.format(Locale.ROOT, row, r.scenario(), r.mix(), r.threads(), r.megabytesPerSecond(), r.recordsPerSecond(),
                    r.messagesPerSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.gcMillis(),
                    r.peakHeapBytes() / 1e6, r.peakRssBytes() / 1e6));
        }
        ratio().ifPresent(x -> out.println(String.format(Locale.ROOT, "adapter/reference (end-to-end MB/s): %.2fx", x)));
        out.println("targets (typical mix): " + String.join("; ", verdicts()));
        out.flush();
    }

    private List<String> verdicts() {
        List<String> v = new java.util.ArrayList<>();
        find("translate").ifPresent(r -> v.add(verdict("translate >= 40 MB/s", r.megabytesPerSecond() >= TRANSLATE_TARGET_MBS)));
        find("end-to-end").ifPresent(r -> v.add(verdict("end-to-end >= 25 MB/s", r.megabytesPerSecond() >= END_TO_END_TARGET_MBS)));
        find("end-to-end @50%").ifPresent(r -> v.add(verdict("p99 <= 50 ms at half rate", r.p99Millis() <= LATENCY_TARGET_P99_MS)));
        ratio().ifPresent(x -> v.add(verdict("adapter/reference >= 3x", x >= RATIO_TARGET)));
        return v;
    }

    private static String verdict(String target, boolean met) {
        return target + (met ? " met" : " MISSED");
    }

    public void writeJson(Path file) throws IOException {
        JsonArray rows = new JsonArray();
        for (Result r : results) {
            JsonObject o = new JsonObject();
            o.put("scenario", r.scenario());
            o.put("mix", r.mix());
            o.put("threads", r.threads());
            o.put("seconds", round(r.seconds()));
            o.put("messages", r.messages());
            o.put("records", r.records());
            o.put("bytes", r.bytes());
            o.put("megabytesPerSecond", round(r.megabytesPerSecond()));
            o.put("recordsPerSecond", round(r.recordsPerSecond()));
            o.put("messagesPerSecond", round(r.messagesPerSecond()));
            o.put("offeredMessagesPerSecond", round(r.offeredPerSecond()));
            o.put("latencyP50Millis", round(r.p50Millis()));
            o.put("latencyP99Millis", round(r.p99Millis()));
            o.put("latencyMaxMillis", round(r.maxMillis()));
            o.put("gcMillis", r.gcMillis());
            o.put("peakHeapBytes", r.peakHeapBytes());
            o.put("rssBytes", r.rssBytes());
            o.put("peakRssBytes", r.peakRssBytes());
            rows.add(o);
        }
        JsonObject doc = new JsonObject();
        doc.put("seed", seed);
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        doc.put("java", System.getProperty("java.version"));
        doc.put("results", rows);
        ratio().ifPresent(x -> doc.put("adapterOverReference", round(x)));
        doc.put("targets", new JsonArray(verdicts()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Jsoner.prettyPrint(doc.toJson()) + "\n");
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
