package org.wcoecom.adapter.store;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Timer jobs that must run on one adapter node at a time when several share the database (the
 * retention purge): a row per job in {@code timer_lease} names the node holding it and until when.
 * A node's timer runs the job only when it takes the lease: its own lease it renews, someone else's
 * only once it has expired (that node stopped, or died). Each take is one conditional UPDATE (or the
 * first INSERT), atomic on every database, so two nodes never both hold a lease.
 *
 * <p>The three-document sweeps need no lease: they take their groups with row locks
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), so two nodes sweeping at once share the work.
 */
public final class Leases {

    private final DataSource db;
    private final String holder;

    public Leases(DataSource db) {
        this(db, thisNode());
    }

    Leases(DataSource db, String holder) {
        this.db = db;
        this.holder = holder;
    }

    /** Who this node is in the lease table: host, process, and a random part (two runs are two holders). */
    static String thisNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String holder() {
        return holder;
    }

    /**
     * Takes (or renews) the job's lease for the given time; false when another node holds it. A timer of
     * period P that asks for a little less than P runs on one node per period while that node lives.
     */
    public boolean take(String job, Duration forHowLong) {
        Instant now = Instant.now();
        Timestamp until = Timestamp.from(now.plus(forHowLong));
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE timer_lease SET holder = ?, expires_at = ? WHERE job = ?"
                    + " AND (holder = ? OR expires_at < ?)")) {
                s.setString(1, holder);
                s.setTimestamp(2, until);
                s.setString(3, job);
                s.setString(4, holder);
                s.setTimestamp(5, Timestamp.from(now));
                if (s.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO timer_lease (job, holder, expires_at) VALUES (?, ?, ?)")) {
                s.setString(1, job);
                s.setString(2, holder);
                s.setTimestamp(3, until);
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Dialect.isDuplicateKey(e)) {
                    return false; // the job's row exists and another node holds it
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lease of " + job + ": " + e.getMessage(), e);
        }
    }

    /** Gives the lease up (at a clean stop), so that another node takes the job at its next tick. */
    public void release(String job) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM timer_lease WHERE job = ? AND holder = ?")) {
            s.setString(1, job);
            s.setString(2, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the lease of " + job + ": " + e.getMessage(), e);
        }
    }
}
