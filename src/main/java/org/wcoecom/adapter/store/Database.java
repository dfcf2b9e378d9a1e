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

    /** PostgreSQL advisory lock key held while the tables are created (any number the adapter alone uses). */
    private static final long MIGRATION_LOCK = 0x77636f65636f6dL;

    private final HikariDataSource pool;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /**
     * The embedded database under the data folder: SQLite in write-ahead-log mode, a file of the adapter's
     * own (the folder is its owner's alone), no network server. A commit reaches the log before it returns,
     * so a killed process loses nothing committed ({@code synchronous}: NORMAL; FULL also syncs each commit
     * to the disk, for power failures, at a price). An H2 database of an earlier version found there is
     * copied over on first start.
     */
    public static Database embedded(Path dataDir, String synchronous) {
        Path db = dataDir.resolve("db");
        Path file = db.resolve("adapter.db");
        boolean fresh = !java.nio.file.Files.exists(file);
        String url = "jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=" + synchronous
                + "&busy_timeout=30000&transaction_mode=IMMEDIATE&foreign_keys=false";
        try {
            java.nio.file.Files.createDirectories(db);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + db + ": " + e.getMessage(), e);
        }
        Database database = open(url, null, null);
        if (fresh) {
            H2Migration.copyFrom(db.resolve("adapter"), database);
        }
        return database;
    }

    /**
     * The database at a JDBC URL: PostgreSQL ({@code jdbc:postgresql://host/db}), shared by every adapter
     * node of a cluster, or a SQLite or H2 file.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(16);
        config.setPoolName("adapter-db");
        Database db = new Database(new HikariDataSource(config), dialect);
        if (dialect == Dialect.SQLITE) {
            Transactions.oneWriterAtATime(db.pool);
        }
        db.migrate();
        return db;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Which database it is: the few statements they speak differently. */
    public Dialect dialect() {
        return dialect;
    }

    private void migrate() {
        String blob = dialect.blob;
        String decimal = dialect.decimal;
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
            // record ids a correction (appType 2) came for: a first version of one that reaches the check later is stale
            "CREATE TABLE IF NOT EXISTS crosscheck_corrected (partner VARCHAR(64) NOT NULL, record_id VARCHAR(200) NOT NULL,"
                    + " corrected_at TIMESTAMP NOT NULL, PRIMARY KEY (partner, record_id))",
            "CREATE INDEX IF NOT EXISTS crosscheck_corrected_at ON crosscheck_corrected (corrected_at)",
            "CREATE TABLE IF NOT EXISTS catalogue (item_no VARCHAR(64) PRIMARY KEY, gcode VARCHAR(10) NOT NULL,"
                    + " gname VARCHAR(250) NOT NULL, unit1 VARCHAR(3) NOT NULL, qty1_per_unit " + decimal + " NOT NULL,"
                    + " unit2 VARCHAR(3), qty2_per_unit " + decimal + ", item_record_no VARCHAR(30), net_weight_kg " + decimal + ","
                    + " updated_at TIMESTAMP NOT NULL)",
            // the inventories the adapter declared, customs' number and release of them, their lines' quantities:
            // return requests and cancellations are matched to them
            "CREATE TABLE IF NOT EXISTS declared_inventory (declarant VARCHAR(18) NOT NULL, local_ref VARCHAR(30) NOT NULL,"
                    + " direction VARCHAR(6) NOT NULL, order_no VARCHAR(60), inventory_no VARCHAR(20), state VARCHAR(10) NOT NULL,"
                    + " updated_at TIMESTAMP NOT NULL, PRIMARY KEY (declarant, local_ref))",
            "CREATE INDEX IF NOT EXISTS declared_inventory_number ON declared_inventory (inventory_no)",
            "CREATE INDEX IF NOT EXISTS declared_inventory_updated ON declared_inventory (updated_at)",
            "CREATE TABLE IF NOT EXISTS declared_inventory_line (declarant VARCHAR(18) NOT NULL, local_ref VARCHAR(30) NOT NULL,"
                    + " seq INT NOT NULL, quantity VARCHAR(40) NOT NULL, PRIMARY KEY (declarant, local_ref, seq))",
            // the export inventories' parcels by carrier and waybill number (arrival and departure reports
            // are matched to them), the declaration whole and its release (the monthly summary)
            "CREATE TABLE IF NOT EXISTS export_parcel (declarant VARCHAR(18) NOT NULL, local_ref VARCHAR(30) NOT NULL,"
                    + " logistics_code VARCHAR(18), logistics_no VARCHAR(60), seller VARCHAR(18), content " + blob + " NOT NULL,"
                    + " released_at TIMESTAMP, arrived_at TIMESTAMP, departed_at TIMESTAMP, updated_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (declarant, local_ref))",
            "CREATE INDEX IF NOT EXISTS export_parcel_waybill ON export_parcel (logistics_code, logistics_no)",
            "CREATE INDEX IF NOT EXISTS export_parcel_released ON export_parcel (released_at)",
            // the return requests accepted (import and export), beside their inventory: what each took back of
            // which line, and for an export return the waybill the goods come back under and whether its tally
            // closed it (Returns)
            "CREATE TABLE IF NOT EXISTS goods_return (declarant VARCHAR(18) NOT NULL, local_ref VARCHAR(30) NOT NULL,"
                    + " partner VARCHAR(64) NOT NULL, request_ref VARCHAR(300) NOT NULL, record_id VARCHAR(200) NOT NULL,"
                    + " direction VARCHAR(6) NOT NULL, logistics_code VARCHAR(18), logistics_no VARCHAR(60), state VARCHAR(8) NOT NULL,"
                    + " closed_by VARCHAR(400), updated_at TIMESTAMP NOT NULL, PRIMARY KEY (declarant, local_ref, partner, request_ref))",
            "CREATE INDEX IF NOT EXISTS goods_return_waybill ON goods_return (logistics_code, logistics_no)",
            "CREATE TABLE IF NOT EXISTS goods_return_line (declarant VARCHAR(18) NOT NULL, local_ref VARCHAR(30) NOT NULL,"
                    + " partner VARCHAR(64) NOT NULL, request_ref VARCHAR(300) NOT NULL, seq INT NOT NULL, quantity VARCHAR(40) NOT NULL,"
                    + " PRIMARY KEY (declarant, local_ref, partner, request_ref, seq))",
            // a summary assembled for a period and an e-commerce enterprise: never twice
            "CREATE TABLE IF NOT EXISTS summary_run (period VARCHAR(7) NOT NULL, seller VARCHAR(18) NOT NULL,"
                    + " record_id VARCHAR(200) NOT NULL, inventories INT NOT NULL, content " + blob + " NOT NULL,"
                    + " state VARCHAR(8) NOT NULL, created_at TIMESTAMP NOT NULL, sent_at TIMESTAMP, PRIMARY KEY (period, seller))",
            "CREATE TABLE IF NOT EXISTS buyer_total (buyer_key VARCHAR(100) NOT NULL, year_of INT NOT NULL,"
                    + " total " + decimal + " NOT NULL, PRIMARY KEY (buyer_key, year_of))",
            "CREATE TABLE IF NOT EXISTS record_ref (ref_type VARCHAR(35) NOT NULL, ref_value VARCHAR(255) NOT NULL,"
                    + " format VARCHAR(35) NOT NULL, record_id VARCHAR(200) NOT NULL, partner VARCHAR(64) NOT NULL,"
                    + " channel VARCHAR(16) NOT NULL, created_at TIMESTAMP NOT NULL)",
            "CREATE INDEX IF NOT EXISTS record_ref_value ON record_ref (ref_type, ref_value)",
            "CREATE TABLE IF NOT EXISTS received_record (partner VARCHAR(64) NOT NULL, record_key VARCHAR(300) NOT NULL,"
                    + " record_id VARCHAR(200) NOT NULL, inbound_id VARCHAR(200) NOT NULL, status VARCHAR(10) NOT NULL,"
                    + " first_seen TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, PRIMARY KEY (partner, record_key))",
            "CREATE INDEX IF NOT EXISTS received_record_inbound ON received_record (inbound_id)",
            "CREATE TABLE IF NOT EXISTS audit_event (id " + dialect.identity + ", at TIMESTAMP NOT NULL,"
                    + " event VARCHAR(20) NOT NULL, partner VARCHAR(64), channel VARCHAR(16), format VARCHAR(35),"
                    + " message_id VARCHAR(100), record_id VARCHAR(200), content_sha256 VARCHAR(64), outcome VARCHAR(20),"
                    + " detail VARCHAR(1000), content " + blob + ")",
            "CREATE INDEX IF NOT EXISTS audit_event_record ON audit_event (record_id)",
            // retention deletes by age
            "CREATE INDEX IF NOT EXISTS audit_event_at ON audit_event (at)",
            "CREATE INDEX IF NOT EXISTS received_record_first_seen ON received_record (first_seen)",
            "CREATE INDEX IF NOT EXISTS record_ref_created ON record_ref (created_at)",
            // timer jobs that must run on one adapter node at a time (Leases)
            "CREATE TABLE IF NOT EXISTS timer_lease (job VARCHAR(64) PRIMARY KEY, holder VARCHAR(200) NOT NULL,"
                    + " expires_at TIMESTAMP NOT NULL)",
        };
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (dialect == Dialect.POSTGRES) {
                // nodes starting together would race on PostgreSQL's catalogue ("IF NOT EXISTS" is not atomic):
                // one creates the tables while the others wait (the lock ends with the session)
                s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            try {
                for (String sql : ddl) {
                    s.execute(sql);
                }
            } finally {
                if (dialect == Dialect.POSTGRES) {
                    s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
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
