package org.wcoecom.adapter.bench;

import java.util.List;

/**
 * One scenario's figures. Rates count partner XML going in: the bytes of the messages sent, the
 * records (orders, payments, waybills) in them, the messages.
 *
 * @param scenario  e.g. "end-to-end", "end-to-end @50%", "splitting"
 * @param system    adapter, reference, splitting or translate (in process)
 * @param traffic   orders or realistic
 * @param footprint what the system's JVM and files held at the end
 */
record Result(String scenario, String system, String traffic, String mix, int threads, Figures figures, Footprint footprint) {

    /**
     * @param offeredPerSecond messages per second the load was paced at; 0 when as fast as possible
     * @param systemCpuPercent CPU time of the system under test's JVM over wall time (200 = two cores)
     * @param driverCpuPercent the same for the bench's own JVM (partners and customs)
     */
    record Figures(double seconds, long messages, long records, long bytes, long declarations, double offeredPerSecond,
                   double p50Millis, double p99Millis, double p999Millis, double maxMillis, double systemCpuPercent,
                   double driverCpuPercent, long gcMillis, double storedPerMessage, double jmsTransactionsPerMessage,
                   double dbCommitsPerMessage) {

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }

        double recordsPerSecond() {
            return records / seconds;
        }

        double messagesPerSecond() {
            return messages / seconds;
        }
    }

    /** Sizes at one moment since the system started (store: database file and its WAL; broker: journal, paging, large messages). */
    record Sizes(double seconds, long storeBytes, long brokerBytes) {
    }

    /**
     * @param peakRssBytes        the system JVM's peak resident set (VmHWM) so far
     * @param storeBytesPerRecord how much the store grew during the measurement per record carried
     * @param curve               records/s in each 10 s since the system's load began (cold start)
     * @param sizes               store and broker sizes over time (the long scenario), or at the end
     * @param declarationsMissing declarations due for what was sent that never came
     */
    record Footprint(long peakRssBytes, long heapLimitBytes, double storeBytesPerRecord, List<Double> curve, List<Sizes> sizes,
                     long declarationsMissing) {

        static final Footprint NONE = new Footprint(0, 0, 0, List.of(), List.of(), 0);

        Sizes last() {
            return sizes.isEmpty() ? new Sizes(0, 0, 0) : sizes.get(sizes.size() - 1);
        }
    }
}
