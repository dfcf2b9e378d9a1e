package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

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

    /** Databases that take one writer at a time (SQLite), and the lock their writers queue on. */
    private static final Map<DataSource, ReentrantLock> SINGLE_WRITER = Collections.synchronizedMap(new WeakHashMap<>());

    private Transactions() {
    }

    /**
     * SQLite lets one transaction write at a time. Writers that wait for it inside the database (BEGIN
     * IMMEDIATE, up to its busy timeout) each hold a pooled connection: enough of them empty the pool
     * while the one writer still needs a connection to read (the catalogue, a buyer's totals), and
     * everything stands still until the busy timeout. Writers of such a database queue here instead,
     * before they take a connection.
     */
    static void oneWriterAtATime(DataSource db) {
        SINGLE_WRITER.put(db, new ReentrantLock(true));
    }

    /** Database transactions committed by this process so far (the benchmark reports them per partner message). */
    public static long commits() {
        return COMMITS.sum();
    }

    /** Runs the work and commits; rolls back and rethrows when it fails. */
    static <T> T inTransaction(DataSource db, Work<T> work) throws SQLException {
        ReentrantLock writer = SINGLE_WRITER.get(db);
        if (writer == null) {
            return run(db, work);
        }
        writer.lock();
        try {
            return run(db, work);
        } finally {
            writer.unlock();
        }
    }

    private static <T> T run(DataSource db, Work<T> work) throws SQLException {
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
