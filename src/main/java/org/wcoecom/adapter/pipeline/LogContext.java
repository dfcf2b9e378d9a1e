package org.wcoecom.adapter.pipeline;

import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;

/**
 * What a log line about a message says about it, in the logging context (MDC; Camel adds the route
 * and exchange with camel.main.use-mdc-logging): its partner, channel, format, the partner's message
 * id, its record ids. Set by the steps that learn them, removed when the exchange is done, so that
 * the next message on the thread does not inherit them.
 */
public final class LogContext {

    public static final String PARTNER = "adapter.partner";
    public static final String CHANNEL = "adapter.channel";
    public static final String FORMAT = "adapter.format";
    public static final String MESSAGE_ID = "adapter.messageId";
    public static final String RECORD_ID = "adapter.recordId";
    private static final Set<String> KEYS = Set.of(PARTNER, CHANNEL, FORMAT, MESSAGE_ID, RECORD_ID);
    private static final String REGISTERED = "AdapterLogContext";
    /** Record ids beyond this many characters are cut (a message may hold a hundred records). */
    private static final int MAX = 300;

    private LogContext() {
    }

    public static void put(Exchange exchange, String key, String value) {
        if (value == null || value.isEmpty()) {
            MDC.remove(key);
            return;
        }
        MDC.put(key, value.length() > MAX ? value.substring(0, MAX) + "..." : value);
        if (exchange.getProperty(REGISTERED) == null) {
            exchange.setProperty(REGISTERED, Boolean.TRUE);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    clear();
                }
            });
        }
    }

    public static void clear() {
        KEYS.forEach(MDC::remove);
    }
}
