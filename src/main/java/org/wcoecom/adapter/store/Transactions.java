package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several statements in one database transaction: rows that belong together (a message's claims,
 * senders and audit events; a catalogue import) commit together or not at all, and cost one commit
 * (one write-ahead log append on the embedded database) instead of one per row.
 *
 * <p>On PostgreSQL shared by several adapter nodes, two transactions may wait for each other
 * (deadlock, SQLState 40P01) or be found not serializable (40001): the database rolls one back, and
 * it is run again from the start, a few times, after a short random pause. The work must therefore
 * have no effect outside its connection (build its results inside, as the stores do).
 */
public final class Transactions {

    private static final java.util.concurrent.atomic.LongAdder COMMITS = new java.util.concurrent.atomic.LongAdder();

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    /** Attempts at a transaction the database rolled back for a conflict with another. */
    static final int ATTEMPTS = 5;

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

    /** Runs the work and commits; rolls back and rethrows when it fails (after retrying conflicts). */
    static <T> T inTransaction(DataSource db, Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return oneWriter(db, work);
            } catch (SQLException e) {
                if (!isConflict(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.info("transaction rolled back by the database ({}, SQLState {}); attempt {} of {}",
                        e.getMessage(), e.getSQLState(), attempt + 1, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    private static <T> T oneWriter(DataSource db, Work<T> work) throws SQLException {
        ReentrantLock writer = SINGLE_WRITER.get(db);
        if (writer == null) {
            return once(db, work);
        }
        writer.lock();
        try {
            return once(db, work);
        } finally {
            writer.unlock();
        }
    }

    private static <T> T once(DataSource db, Work<T> work) throws SQLException {
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

    /** A deadlock or a serialization failure: the transaction lost to another and may simply run again. */
    static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
