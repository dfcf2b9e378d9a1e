package org.wcoecom.adapter.store;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the database keeps, and for how long: the audit trail, the records received (the duplicate
 * check sees no further back) and who sent them (customs' answers to older records stay unmatched),
 * cross-check decisions whose sending was never confirmed, and which records were corrected (as long
 * as the records received). Closed cross-check groups are deleted
 * when they close; a rejected message is kept as a prefix and its digest.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** The lease's job name. */
    public static final String JOB = "retention";
    /** Far longer than any redelivery of a cross-check message can come late. */
    private static final Duration UNCONFIRMED = Duration.ofDays(7);

    private final AuditTrail audit;
    private final ReceivedRecords received;
    private final RecordSenders senders;
    private final CrossCheckStore crossCheck;
    private final Inventories inventories;
    private final Duration auditHorizon;
    private final Duration recordsHorizon;
    private final Leases leases;
    private final Duration lease;

    public Retention(AuditTrail audit, ReceivedRecords received, RecordSenders senders, CrossCheckStore crossCheck,
                     Inventories inventories, Duration auditHorizon, Duration recordsHorizon) {
        this(audit, received, senders, crossCheck, inventories, auditHorizon, recordsHorizon, null, Duration.ZERO);
    }

    /**
     * Purges on one node of a cluster at a time: the node holding the {@code retention} lease (taken
     * for 90% of the interval between purges, so the node that purged last renews it at its next tick).
     */
    public Retention(AuditTrail audit, ReceivedRecords received, RecordSenders senders, CrossCheckStore crossCheck,
                     Inventories inventories, Duration auditHorizon, Duration recordsHorizon, Leases leases, Duration interval) {
        this.leases = leases;
        this.lease = interval.multipliedBy(9).dividedBy(10);
        this.audit = audit;
        this.received = received;
        this.senders = senders;
        this.crossCheck = crossCheck;
        this.inventories = inventories;
        this.auditHorizon = auditHorizon;
        this.recordsHorizon = recordsHorizon;
    }

    /** Camel step (timer): deletes what is older than its horizon, on the node holding the lease. */
    public void purge() {
        if (leases != null && !leases.take(JOB, lease)) {
            LOG.debug("retention: another node holds the lease");
            return;
        }
        Instant now = Instant.now();
        int events = audit.purge(now.minus(auditHorizon));
        int records = received.purge(now.minus(recordsHorizon));
        int refs = senders.purge(now.minus(recordsHorizon));
        int decisions = crossCheck.purge(now.minus(UNCONFIRMED));
        // as long as a record's versions are known: a first version delivered late is recognised as older
        int corrections = crossCheck.purgeCorrections(now.minus(recordsHorizon));
        // an inventory is matched by returns and cancellations as long as its senders are known
        int declared = inventories.purge(now.minus(recordsHorizon));
        if (events + records + refs + decisions + corrections + declared > 0) {
            LOG.info("retention: deleted {} audit events, {} received records, {} record senders, {} unconfirmed cross-check decisions,"
                    + " {} cross-check corrections, {} declared inventories", events, records, refs, decisions, corrections, declared);
        }
    }
}
