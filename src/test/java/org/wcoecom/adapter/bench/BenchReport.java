package org.wcoecom.adapter.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/** The benchmark's figures as a table for people and as JSON for tools, with the targets of issue 12. */
public final class BenchReport {

    /** Targets of the `typical` mix on the 2-core reference machine (see README, Benchmark). */
    static final double RATIO_TARGET = 1.5;
    static final double LATENCY_TARGET_P99_MS = 50;
    static final double TRANSLATE_TARGET_MBS = 15;
    static final long RSS_TARGET_BYTES = 1L << 30;
    static final long RSS_TARGET_HEAP = 512L << 20;
    /** "Flat": the store grew by at most this share of its size at half-time over the second half of the long run. */
    static final double FLAT_TOLERANCE = 0.10;

    private final List<Result> results;
    private final List<String> failures;
    private final long seed;

    BenchReport(List<Result> results, List<String> failures, long seed) {
        this.results = List.copyOf(results);
        this.failures = List.copyOf(failures);
        this.seed = seed;
    }

    /** Scenarios that failed, each with why. */
    public List<String> failures() {
        return failures;
    }

    private Optional<Result> find(String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }

    /** Records/s of one scenario over another's, when both ran. */
    Optional<Double> ratio(String over, String under) {
        return find(over).flatMap(a -> find(under).map(b -> a.figures().recordsPerSecond() / b.figures().recordsPerSecond()));
    }

    /** The long run's sizes at a tenth, half and all of its time. */
    private List<Result.Sizes> longPoints() {
        return find("long").map(r -> {
            List<Result.Sizes> s = r.footprint().sizes();
            if (s.isEmpty()) {
                return List.<Result.Sizes>of();
            }
            double end = s.get(s.size() - 1).seconds();
            return List.of(at(s, end / 10), at(s, end / 2), s.get(s.size() - 1));
        }).orElse(List.of());
    }

    private static Result.Sizes at(List<Result.Sizes> sizes, double seconds) {
        Result.Sizes best = sizes.get(0);
        for (Result.Sizes x : sizes) {
            if (Math.abs(x.seconds() - seconds) < Math.abs(best.seconds() - seconds)) {
                best = x;
            }
        }
        return best;
    }

    /** Whether the store grew by at most {@link #FLAT_TOLERANCE} of its size at half-time over the second half of the long run. */
    private Optional<Boolean> storeFlat() {
        List<Result.Sizes> p = longPoints();
        if (p.size() < 3) {
            return Optional.empty();
        }
        List<Result.Sizes> all = find("long").orElseThrow().footprint().sizes();
        long half = p.get(1).storeBytes();
        long maxAfter = all.stream().filter(x -> x.seconds() >= p.get(1).seconds()).mapToLong(Result.Sizes::storeBytes).max().orElse(half);
        return Optional.of(maxAfter - half <= FLAT_TOLERANCE * half);
    }

    public void printTable(PrintWriter out) {
        String header = "%-18s %-9s %3s %6s %8s %7s %6s %7s %7s %8s %6s %6s %6s %6s %6s %6s %6s %7s";
        String row = "%-18s %-9s %3d %6.2f %8.0f %7.1f %6.1f %7.1f %7.1f %8.1f %6.0f %6.0f %6.1f %6.1f %6.1f %6.0f %6.1f %7.1f";
        out.println(String.format(Locale.ROOT, header, "scenario", "traffic", "thr", "MB/s", "rec/s", "msg/s", "decl/s", "p50 ms",
                "p99 ms", "p99.9 ms", "CPU%", "drvCPU", "stor/m", "jmsTx/m", "dbC/m", "RSS MB", "storMB", "brokrMB"));
        for (Result r : results) {
            Result.Figures f = r.figures();
            Result.Sizes s = r.footprint().last();
            out.println(String.format(Locale.ROOT, row, r.scenario(), r.traffic(), r.threads(), f.megabytesPerSecond(), f.recordsPerSecond(),
                    f.messagesPerSecond(), f.declarations() / f.seconds(), f.p50Millis(), f.p99Millis(), f.p999Millis(), f.systemCpuPercent(),
                    f.driverCpuPercent(), f.storedPerMessage(), f.jmsTransactionsPerMessage(), f.dbCommitsPerMessage(),
                    r.footprint().peakRssBytes() / 1e6, s.storeBytes() / 1e6, s.brokerBytes() / 1e6));
        }
        out.println("(CPU% = the system's JVM, drvCPU = the bench's partners and customs; stor/m, jmsTx/m, dbC/m = persistent broker "
                + "messages stored, JMS transactions and database commits per partner message; RSS = the system JVM's peak, VmHWM)");
        ratio("end-to-end", "splitting").ifPresent(x -> out.println(String.format(Locale.ROOT,
                "adapter/splitting reference (end-to-end records/s): %.2fx", x)));
        ratio("end-to-end", "reference").ifPresent(x -> out.println(String.format(Locale.ROOT,
                "adapter/non-splitting reference (end-to-end records/s): %.2fx", x)));
        ratio("realistic", "splitting").ifPresent(x -> out.println(String.format(Locale.ROOT,
                "adapter realistic traffic/splitting reference (records/s): %.2fx", x)));
        for (Result r : results) {
            if (r.footprint().storeBytesPerRecord() != 0) {
                out.println(String.format(Locale.ROOT, "%s: store grew %.0f bytes per record carried (default retention)", r.scenario(),
                        r.footprint().storeBytesPerRecord()));
            }
            if (r.footprint().declarationsMissing() > 0) {
                out.println(String.format(Locale.ROOT, "%s: WARNING %d declaration(s) due never came", r.scenario(),
                        r.footprint().declarationsMissing()));
            }
            if (!r.footprint().curve().isEmpty()) {
                out.println(r.scenario() + ": records/s per " + JmsLoad.CURVE_SECONDS + " s from a cold start: "
                        + String.join(" ", r.footprint().curve().stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList()));
            }
        }
        for (Result.Sizes s : longPoints()) {
            out.println(String.format(Locale.ROOT, "long: after %.0f s store %.1f MB, broker %.1f MB", s.seconds(), s.storeBytes() / 1e6,
                    s.brokerBytes() / 1e6));
        }
        out.println("targets (typical mix, 2 cores): " + String.join("; ", verdicts()));
        failures.forEach(f -> out.println("FAILED " + f));
        out.flush();
    }

    private List<String> verdicts() {
        List<String> v = new ArrayList<>();
        ratio("end-to-end", "splitting").ifPresent(x -> v.add(verdict(String.format(Locale.ROOT,
                "end-to-end records/s >= 1.5x the splitting reference (%.2fx)", x), x >= RATIO_TARGET)));
        find("end-to-end @50%").ifPresent(r -> v.add(verdict(String.format(Locale.ROOT, "p99 <= 50 ms at 50%% (%.1f ms)",
                r.figures().p99Millis()), r.figures().p99Millis() <= LATENCY_TARGET_P99_MS)));
        storeFlat().ifPresent(flat -> v.add(verdict("store flat over the second half of the long run (grew <= "
                + Math.round(FLAT_TOLERANCE * 100) + "%)", flat)));
        find("translate").ifPresent(r -> v.add(verdict(String.format(Locale.ROOT, "translate >= 15 MB/s on %d thread(s) (%.1f)",
                r.threads(), r.figures().megabytesPerSecond()), r.figures().megabytesPerSecond() >= TRANSLATE_TARGET_MBS)));
        results.stream().filter(r -> r.system().equals("adapter") && r.footprint().heapLimitBytes() > 0)
                .max(java.util.Comparator.comparingLong(r -> r.footprint().peakRssBytes())).ifPresent(r -> {
                    String what = String.format(Locale.ROOT, "peak RSS <= 1 GB under -Xmx512m (%.0f MB under %d MB)",
                            r.footprint().peakRssBytes() / 1e6, r.footprint().heapLimitBytes() >> 20);
                    v.add(r.footprint().heapLimitBytes() > RSS_TARGET_HEAP ? what + " NOT JUDGED (heap limit above 512m)"
                            : verdict(what, r.footprint().peakRssBytes() <= RSS_TARGET_BYTES));
                });
        return v;
    }

    private static String verdict(String target, boolean met) {
        return target + (met ? " PASS" : " FAIL");
    }

    public void writeJson(Path file) throws IOException {
        JsonArray rows = new JsonArray();
        for (Result r : results) {
            Result.Figures f = r.figures();
            JsonObject o = new JsonObject();
            o.put("scenario", r.scenario());
            o.put("system", r.system());
            o.put("traffic", r.traffic());
            o.put("mix", r.mix());
            o.put("threads", r.threads());
            o.put("seconds", round(f.seconds()));
            o.put("messages", f.messages());
            o.put("records", f.records());
            o.put("bytes", f.bytes());
            o.put("declarations", f.declarations());
            o.put("megabytesPerSecond", round(f.megabytesPerSecond()));
            o.put("recordsPerSecond", round(f.recordsPerSecond()));
            o.put("messagesPerSecond", round(f.messagesPerSecond()));
            o.put("offeredMessagesPerSecond", round(f.offeredPerSecond()));
            o.put("latencyP50Millis", round(f.p50Millis()));
            o.put("latencyP99Millis", round(f.p99Millis()));
            o.put("latencyP999Millis", round(f.p999Millis()));
            o.put("latencyMaxMillis", round(f.maxMillis()));
            o.put("systemCpuPercent", round(f.systemCpuPercent()));
            o.put("driverCpuPercent", round(f.driverCpuPercent()));
            o.put("gcMillis", f.gcMillis());
            o.put("storedBrokerMessagesPerMessage", round(f.storedPerMessage()));
            o.put("jmsTransactionsPerMessage", round(f.jmsTransactionsPerMessage()));
            o.put("databaseCommitsPerMessage", round(f.dbCommitsPerMessage()));
            o.put("peakRssBytes", r.footprint().peakRssBytes());
            o.put("heapLimitBytes", r.footprint().heapLimitBytes());
            o.put("storeBytesPerRecord", round(r.footprint().storeBytesPerRecord()));
            o.put("declarationsMissing", r.footprint().declarationsMissing());
            o.put("recordsPerSecondPer10s", new JsonArray(r.footprint().curve().stream().map(BenchReport::round).toList()));
            JsonArray sizes = new JsonArray();
            for (Result.Sizes s : r.footprint().sizes()) {
                JsonObject x = new JsonObject();
                x.put("seconds", round(s.seconds()));
                x.put("storeBytes", s.storeBytes());
                x.put("brokerBytes", s.brokerBytes());
                sizes.add(x);
            }
            o.put("sizes", sizes);
            rows.add(o);
        }
        JsonObject doc = new JsonObject();
        doc.put("seed", seed);
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        doc.put("results", rows);
        ratio("end-to-end", "splitting").ifPresent(x -> doc.put("adapterOverSplitting", round(x)));
        ratio("end-to-end", "reference").ifPresent(x -> doc.put("adapterOverReference", round(x)));
        ratio("realistic", "splitting").ifPresent(x -> doc.put("realisticOverSplitting", round(x)));
        doc.put("targets", new JsonArray(verdicts()));
        doc.put("failures", new JsonArray(failures));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Jsoner.prettyPrint(doc.toJson()) + "\n");
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
