package org.wcoecom.adapter.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.ConnectionFactory;

import org.wcoecom.adapter.broker.DeadLetterQueues;
import org.wcoecom.adapter.broker.QueueDepths;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.OperationsQueries;

/**
 * Everything the operations page and the {@code status} command show, read in one place: the flow
 * per partner over the last 15 minutes, rejections by code with their latest examples, dead letters,
 * three-document groups waiting, declarations held, customs receipts nobody's record matched, queue
 * depths. And the one thing the page does: replaying a dead letter (audited as the CLI does).
 */
public final class OperationsView {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int EXAMPLES = 3;
    private static final int MAX_ROWS = 200;

    private final OperationsQueries queries;
    private final AuditTrail audit;
    private final ConnectionFactory broker;
    private final String user;
    private final String password;
    private final String unmatchedQueue;

    public OperationsView(OperationsQueries queries, AuditTrail audit, ConnectionFactory broker, String user, String password,
                          String customsInbound) {
        this.queries = queries;
        this.audit = audit;
        this.broker = broker;
        this.user = user;
        this.password = password;
        this.unmatchedQueue = customsInbound + ".unmatched";
    }

    public record Snapshot(Instant at, List<OperationsQueries.FlowPoint> flow, List<OperationsQueries.CodeCount> rejections,
                           List<DeadLetterQueues.Letter> deadLetters, List<OperationsQueries.WaitingGroup> waiting,
                           List<OperationsQueries.HeldDeclaration> held, long unmatchedReceipts, Map<String, Long> queues) {
    }

    public Snapshot snapshot() throws Exception {
        Instant now = Instant.now();
        Instant since = now.minus(WINDOW);
        List<DeadLetterQueues.Letter> letters;
        try (DeadLetterQueues dlq = new DeadLetterQueues(broker, user, password)) {
            letters = dlq.list();
        }
        Map<String, Long> depths = queueDepths();
        return new Snapshot(now, queries.flow(since), queries.rejections(since, EXAMPLES), letters, queries.waitingGroups(MAX_ROWS),
                queries.held(MAX_ROWS), depths.getOrDefault(unmatchedQueue, 0L), depths);
    }

    public Map<String, Long> queueDepths() throws Exception {
        try (QueueDepths q = new QueueDepths(broker, user, password)) {
            return q.depths();
        }
    }

    public String unmatchedQueue() {
        return unmatchedQueue;
    }

    public OperationsQueries queries() {
        return queries;
    }

    /** A record's audit history, oldest first. */
    public List<AuditTrail.Event> history(String recordId) {
        return audit.history(recordId);
    }

    /** Sends a dead letter back where it failed, as `dlq replay ID` does; empty when there is none with that id. */
    public Optional<DeadLetterQueues.Letter> replay(String id, String by) throws Exception {
        Optional<DeadLetterQueues.Letter> replayed;
        try (DeadLetterQueues dlq = new DeadLetterQueues(broker, user, password)) {
            replayed = dlq.replay(id);
        }
        replayed.ifPresent(l -> audit.record(List.of(new AuditTrail.Event(Instant.now(), AuditTrail.REPLAYED, l.partner(), "jms", null,
                l.id(), l.recordId(), null, "REPLAYED", "from " + l.queue() + " to " + l.source() + " (" + by + ")", null))));
        return replayed;
    }
}
