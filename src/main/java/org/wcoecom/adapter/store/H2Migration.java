package org.wcoecom.adapter.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Earlier versions kept their data in an embedded H2 database ({@code db/adapter.mv.db}). On the first
 * start with the SQLite store its tables are copied over — the catalogue, buyers' annual totals, who
 * sent which record, the records received (the duplicate check) and the audit trail — and the H2 file
 * is renamed {@code .migrated}. Three-document groups waiting there were stored as serialized Camel
 * exchanges and are not carried over: the log says how many, and their documents must be sent again.
 */
final class H2Migration {

    private static final Logger LOG = LoggerFactory.getLogger(H2Migration.class);
    private static final List<String> TABLES = List.of("catalogue", "buyer_total", "record_ref", "received_record", "audit_event");

    private H2Migration() {
    }

    static void copyFrom(Path h2Base, Database target) {
        Path file = Path.of(h2Base + ".mv.db");
        if (!Files.exists(file)) {
            return;
        }
        String url = "jdbc:h2:file:" + h2Base.toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        try (Connection h2 = DriverManager.getConnection(url, "", "")) {
            Transactions.inTransaction(target.dataSource(), c -> {
                for (String table : TABLES) {
                    if (exists(h2, table)) {
                        LOG.info("copied {} rows of {} from the H2 database of an earlier version", copy(h2, c, table), table);
                    }
                }
                return null;
            });
            if (exists(h2, "CROSSCHECK")) {
                try (ResultSet r = h2.createStatement().executeQuery("SELECT COUNT(*) FROM crosscheck")) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        LOG.warn("{} three-document groups were waiting in the H2 database of an earlier version; they are not"
                                + " carried over: their senders must send their documents again", r.getInt(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the H2 database " + file + " of an earlier version: " + e.getMessage(), e);
        }
        try {
            Files.move(file, Path.of(file + ".migrated"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("copied the H2 database, but cannot rename " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection h2, String table) throws SQLException {
        try (ResultSet r = h2.getMetaData().getTables(null, null, table.toUpperCase(java.util.Locale.ROOT), null)) {
            return r.next();
        }
    }

    private static int copy(Connection from, Connection to, String table) throws SQLException {
        int n = 0;
        try (ResultSet r = from.createStatement().executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = r.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement s = to.prepareStatement(sql)) {
                while (r.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object v = r.getObject(i);
                        if (v instanceof java.math.BigDecimal d) {
                            s.setString(i, d.toPlainString());
                        } else {
                            s.setObject(i, v);
                        }
                    }
                    s.addBatch();
                    if (++n % 1000 == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
        }
        return n;
    }
}
