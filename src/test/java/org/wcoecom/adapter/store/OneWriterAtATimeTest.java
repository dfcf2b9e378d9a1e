package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More writers than pooled connections on the embedded SQLite, each reading through a second
 * connection while it writes (as the cross-check does when a declaration looks up the catalogue):
 * writers waiting for SQLite's one write lock must not hold the connections the writer needs, or
 * every thread waits for the busy timeout and fails with SQLITE_BUSY.
 */
class OneWriterAtATimeTest {

    @TempDir
    Path data;

    @Test
    void writers_queue_without_emptying_the_pool() throws Exception {
        int writers = 40;
        try (Database db = Database.embedded(data, "NORMAL")) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    String item = "ITEM-" + i;
                    done.add(pool.submit(() -> Transactions.inTransaction(db.dataSource(), c -> {
                        try (PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO catalogue (item_no, gcode, gname, unit1, qty1_per_unit, updated_at) VALUES (?, '0101210010', 'x', '035', 1, CURRENT_TIMESTAMP)")) {
                            insert.setString(1, item);
                            insert.executeUpdate();
                        }
                        sleep(50);
                        // a read on a connection of its own, inside the write
                        try (Connection other = db.dataSource().getConnection();
                             PreparedStatement count = other.prepareStatement("SELECT COUNT(*) FROM catalogue");
                             ResultSet r = count.executeQuery()) {
                            r.next();
                            return r.getInt(1);
                        }
                    })));
                }
                for (Future<Integer> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(writers, new Catalogue(db.dataSource()).size());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
