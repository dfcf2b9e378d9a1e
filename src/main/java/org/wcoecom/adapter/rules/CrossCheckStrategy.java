package org.wcoecom.adapter.rules;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Puts each arriving document into its order's group (a correction replaces the earlier version)
 * and marks the group ready when all three documents are there and one of them is new to the rules.
 */
public final class CrossCheckStrategy implements AggregationStrategy {

    public static final String READY = "AdapterCrossCheckReady";
    public static final String KEY = "AdapterCorrelationKey";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        CrossCheckDocument doc = newExchange.getMessage().getBody(CrossCheckDocument.class);
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        CrossCheckGroup group = oldExchange == null
                ? new CrossCheckGroup(newExchange.getMessage().getHeader(KEY, String.class))
                : oldExchange.getMessage().getBody(CrossCheckGroup.class);
        group.put(doc);
        result.getMessage().setBody(group);
        result.getMessage().setHeader(READY, group.ready());
        return result;
    }
}
