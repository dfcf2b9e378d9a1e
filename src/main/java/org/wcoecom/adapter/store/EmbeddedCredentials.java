package org.wcoecom.adapter.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database of an earlier version had no password (user "" and ""). Such a database is
 * given the adapter's user with its password, and the old login is closed, the first time it is
 * opened: nothing else must change for the operator.
 */
final class EmbeddedCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCredentials.class);
    /** H2: wrong user name or password */
    private static final int WRONG_LOGIN = 28000;

    private EmbeddedCredentials() {
    }

    static void upgrade(String url, String user, String password) {
        String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';') < 0 ? url.length() : url.indexOf(';'));
        if (!Files.exists(Path.of(file + ".mv.db"))) {
            return; // a new database is created with the adapter's user
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_LOGIN) {
                throw new IllegalStateException("cannot open the embedded database: " + e.getMessage(), e);
            }
        }
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            try (PreparedStatement s = c.prepareStatement("CREATE USER IF NOT EXISTS " + user + " PASSWORD ? ADMIN")) {
                s.setString(1, password);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("ALTER USER \"\" SET PASSWORD ?")) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                s.setString(1, Base64.getEncoder().encodeToString(random));
                s.executeUpdate();
            }
            LOG.warn("the embedded database had no password: it now has the adapter's own (secret database.password)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the embedded database with the adapter's password (secret database.password)"
                    + " nor as a database of an earlier version: " + e.getMessage(), e);
        }
    }
}
