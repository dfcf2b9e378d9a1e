package org.wcoecom.adapter.bench;

/**
 * One scenario's figures. Rates count partner XML going in: the bytes of the messages sent, the
 * records (orders) in them, the messages.
 *
 * @param offeredPerSecond messages per second the load was paced at; 0 when as fast as possible
 */
record Result(String scenario, String mix, int threads, double seconds, long messages, long records, long bytes,
              double offeredPerSecond, double p50Millis, double p99Millis, double maxMillis, long gcMillis,
              long peakHeapBytes, long rssBytes, long peakRssBytes) {

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
