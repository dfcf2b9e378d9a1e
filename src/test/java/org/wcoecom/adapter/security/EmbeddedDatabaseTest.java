package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.store.Catalogue;
import org.wcoecom.adapter.store.Database;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The embedded database is the adapter's alone: a file (SQLite) with no network server — the H2 of
 * earlier versions ran one (automatic mixed mode) without a password — in a data folder only its
 * owner may enter, made so again at every start. An H2 database of an earlier version is copied over.
 */
class EmbeddedDatabaseTest {

    @Test
    void a_file_of_its_own_in_a_folder_of_its_owner_and_no_server(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (TestAdapter adapter = new TestAdapter(data)) {
            assertTrue(Files.exists(data.resolve("db/adapter.db")));
            assertFalse(Files.exists(data.resolve("db/adapter.lock.db")), "an H2 server lock file (automatic mixed mode)");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets/secrets.properties"))));
            // the JVM listens on the adapter's own ports only: HTTP, SOAP and the broker
            String listening = Files.readString(Path.of("/proc/net/tcp")) + Files.readString(Path.of("/proc/net/tcp6"));
            assertFalse(listening.contains(":" + String.format("%04X", 9092)), "an H2 TCP server on its default port");
        }
    }

    @Test
    void a_data_folder_and_secrets_opened_to_others_are_closed_again_at_start(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        new TestAdapter(data).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("secrets/secrets.properties"), PosixFilePermissions.fromString("rw-r--r--"));
        new TestAdapter(data).close();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets/secrets.properties"))));
    }

    @Test
    void the_h2_database_of_an_earlier_version_is_copied_over(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("db"));
        String url = "jdbc:h2:file:" + data.resolve("db/adapter").toAbsolutePath();
        try (var c = DriverManager.getConnection(url, "", ""); var s = c.createStatement()) {
            s.execute("CREATE TABLE catalogue (item_no VARCHAR(64) PRIMARY KEY, gcode VARCHAR(10) NOT NULL, gname VARCHAR(250) NOT NULL,"
                    + " unit1 VARCHAR(3) NOT NULL, qty1_per_unit DECIMAL(19,5) NOT NULL, unit2 VARCHAR(3), qty2_per_unit DECIMAL(19,5),"
                    + " item_record_no VARCHAR(30), net_weight_kg DECIMAL(19,5), updated_at TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO catalogue VALUES ('SKU-OLD', '0409000000', '天然蜂蜜', '035', 0.25, NULL, NULL, NULL, 0.25, CURRENT_TIMESTAMP)");
        }
        try (Database db = Database.embedded(data, "NORMAL")) {
            var item = new Catalogue(db.dataSource()).find("SKU-OLD").orElseThrow();
            assertEquals("天然蜂蜜", item.gname());
            assertEquals(0, new java.math.BigDecimal("0.25").compareTo(item.qty1PerUnit()));
        }
        assertTrue(Files.exists(data.resolve("db/adapter.mv.db.migrated")));
        assertFalse(Files.exists(data.resolve("db/adapter.mv.db")));
    }
}
