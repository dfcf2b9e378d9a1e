package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Several statements in one database transaction: rows that belong together (a message's claims,
 * senders and audit events; a catalogue import) commit together or not at all, and cost one commit
 * (one write-ahead log append on the embedded database) instead of one per row.
 */
public final class Transactions {

    private static final java.util.concurrent.atomic.LongAdder COMMITS = new java.util.concurrent.atomic.LongAdder();

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Database transactions committed by this process so far (the benchmark reports them per partner message). */
    public static long commits() {
        return COMMITS.sum();
    }

    /** Runs the work and commits; rolls back and rethrows when it fails. */
    static <T> T inTransaction(DataSource db, Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                COMMITS.increment();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
