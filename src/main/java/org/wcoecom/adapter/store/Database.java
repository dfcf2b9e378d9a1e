package org.wcoecom.adapter.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;


/**
 * The adapter's database: the three-document check's groups, the product
 * catalogue, buyers' annual totals, who sent which record (to relay
 * customs receipts), the records received (idempotency) and the audit trail.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final boolean postgres;

    private Database(HikariDataSource pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
    }

    /** The user of the embedded database (its password comes from the secrets). */
    public static final String EMBEDDED_USER = "ADAPTER";

    /**
     * The embedded H2 database under the data folder: files of the adapter's own, no network server,
     * a password of its own.
     */
    public static Database embedded(Path dataDir, String password) {
        // WRITE_DELAY=0: a commit reaches the file at once, so a killed process loses none
        // (H2 otherwise writes up to half a second later; CrashRecoveryIT lost the cross-check state)
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("adapter").toAbsolutePath() + ";WRITE_DELAY=0";
        EmbeddedCredentials.upgrade(url, EMBEDDED_USER, password);
        return open(url, EMBEDDED_USER, password);
    }

    /**
     * The database at a JDBC URL: H2 ({@code jdbc:h2:...}) or PostgreSQL
     * ({@code jdbc:postgresql://host/db}), shared by every adapter instance of a cluster.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        if (!postgres && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("adapter.db.url: " + jdbcUrl + " is neither an H2 nor a PostgreSQL JDBC URL");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(16);
        config.setPoolName("adapter-db");
        Database db = new Database(new HikariDataSource(config), postgres);
        db.migrate();
        return db;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether it is PostgreSQL (else H2): the few statements the two speak differently. */
    public boolean postgres() {
        return postgres;
    }

    private void migrate() {
        // the one type the two databases name differently
        String blob = postgres ? "BYTEA" : "BLOB";
        String[] ddl = {
            // the three-document check: a lock row per order number, its groups (one per platform), their documents,
            // and what a step decided to send, kept under the step's id until the broker has taken it
            "CREATE TABLE IF NOT EXISTS crosscheck_order (order_no VARCHAR(255) PRIMARY KEY, locked_at TIMESTAMP NOT NULL)",
            "CREATE TABLE IF NOT EXISTS crosscheck_group (order_no VARCHAR(255) NOT NULL, platform VARCHAR(64) NOT NULL,"
                    + " state VARCHAR(16) NOT NULL, reason VARCHAR(2000), deadline TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (order_no, platform))",
            "CREATE INDEX IF NOT EXISTS crosscheck_group_deadline ON crosscheck_group (deadline)",
            "CREATE TABLE IF NOT EXISTS crosscheck_document (order_no VARCHAR(255) NOT NULL, platform VARCHAR(64) NOT NULL,"
                    + " kind VARCHAR(16) NOT NULL, partner VARCHAR(64) NOT NULL, record_id VARCHAR(200) NOT NULL,"
                    + " content " + blob + " NOT NULL, evaluated BOOLEAN NOT NULL, received_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (order_no, platform, kind))",
            "CREATE TABLE IF NOT EXISTS crosscheck_applied (source_id VARCHAR(255) PRIMARY KEY, created_at TIMESTAMP NOT NULL)",
            "CREATE TABLE IF NOT EXISTS crosscheck_output (source_id VARCHAR(255) NOT NULL, seq INT NOT NULL,"
                    + " output_type VARCHAR(16) NOT NULL, partner VARCHAR(64), channel VARCHAR(16), record_id VARCHAR(200),"
                    + " format VARCHAR(35), outcome VARCHAR(20), body " + blob + " NOT NULL, created_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (source_id, seq))",
            "CREATE INDEX IF NOT EXISTS crosscheck_output_created ON crosscheck_output (created_at)",
            "CREATE TABLE IF NOT EXISTS catalogue (item_no VARCHAR(64) PRIMARY KEY, gcode VARCHAR(10) NOT NULL,"
                    + " gname VARCHAR(250) NOT NULL, unit1 VARCHAR(3) NOT NULL, qty1_per_unit DECIMAL(19,5) NOT NULL,"
                    + " unit2 VARCHAR(3), qty2_per_unit DECIMAL(19,5), item_record_no VARCHAR(30), net_weight_kg DECIMAL(19,5),"
                    + " updated_at TIMESTAMP NOT NULL)",
            "CREATE TABLE IF NOT EXISTS buyer_total (buyer_key VARCHAR(100) NOT NULL, year_of INT NOT NULL,"
                    + " total DECIMAL(19,5) NOT NULL, PRIMARY KEY (buyer_key, year_of))",
            "CREATE TABLE IF NOT EXISTS record_ref (ref_type VARCHAR(35) NOT NULL, ref_value VARCHAR(255) NOT NULL,"
                    + " format VARCHAR(35) NOT NULL, record_id VARCHAR(200) NOT NULL, partner VARCHAR(64) NOT NULL,"
                    + " channel VARCHAR(16) NOT NULL, created_at TIMESTAMP NOT NULL)",
            "CREATE INDEX IF NOT EXISTS record_ref_value ON record_ref (ref_type, ref_value)",
            "CREATE TABLE IF NOT EXISTS received_record (partner VARCHAR(64) NOT NULL, record_key VARCHAR(300) NOT NULL,"
                    + " record_id VARCHAR(200) NOT NULL, inbound_id VARCHAR(200) NOT NULL, status VARCHAR(10) NOT NULL,"
                    + " first_seen TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, PRIMARY KEY (partner, record_key))",
            "CREATE INDEX IF NOT EXISTS received_record_inbound ON received_record (inbound_id)",
            "CREATE TABLE IF NOT EXISTS audit_event (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, at TIMESTAMP NOT NULL,"
                    + " event VARCHAR(20) NOT NULL, partner VARCHAR(64), channel VARCHAR(16), format VARCHAR(35),"
                    + " message_id VARCHAR(100), record_id VARCHAR(200), content_sha256 VARCHAR(64), outcome VARCHAR(20),"
                    + " detail VARCHAR(1000), content " + blob + ")",
            "CREATE INDEX IF NOT EXISTS audit_event_record ON audit_event (record_id)",
        };
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
