package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.store.Database;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The embedded database is the adapter's alone: no network server (H2's automatic mixed mode opened
 * one), a password of its own from the secrets, and a data folder only its owner may enter. A database
 * of an earlier version, without a password, is given one when it is first opened.
 */
class EmbeddedDatabaseTest {

    @Test
    void no_server_a_password_and_a_folder_of_its_owner(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (TestAdapter adapter = new TestAdapter(data)) {
            Path lock = data.resolve("db/adapter.lock.db");
            assertFalse(Files.exists(lock) && Files.readString(lock).contains("server="), "the database listens on the network");
            String url = "jdbc:h2:file:" + data.resolve("db/adapter").toAbsolutePath() + ";WRITE_DELAY=0";
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "", "").close());
            assertEquals(28000, refused.getErrorCode(), refused.getMessage());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets/secrets.properties"))));
            assertTrue(adapter.secret("database.password").length() >= 24);
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
    void a_database_of_an_earlier_version_without_password_gets_the_adapters(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("db"));
        String url = "jdbc:h2:file:" + data.resolve("db/adapter").toAbsolutePath() + ";WRITE_DELAY=0";
        try (var c = DriverManager.getConnection(url, "", ""); var s = c.createStatement()) {
            s.execute("CREATE TABLE legacy_marker (id INT)");
        }
        try (Database db = Database.embedded(data, "the-adapters-own");
             var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            assertTrue(s.executeQuery("SELECT COUNT(*) FROM legacy_marker").next(), "the old data is still there");
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "", "").close());
    }
}
