package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Several statements in one database transaction. Each commit of the embedded database writes a
 * chunk to its file (WRITE_DELAY=0, for crash safety), so rows that belong together (a message's
 * claims, a catalogue import) are written with one commit instead of one per row.
 */
final class Transactions {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs the work and commits; rolls back and rethrows when it fails. */
    static <T> T inTransaction(DataSource db, Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
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
