package org.wcoecom.adapter.runtime;

import java.util.List;

import org.wcoecom.adapter.security.Credentials;
import org.wcoecom.adapter.security.Secrets;
import org.wcoecom.adapter.store.Database;

/**
 * The database the settings name: {@code adapter.db.url} with its user and password, or the embedded
 * one under the data folder with a password of its own from the secrets (generated on first use).
 */
public final class Databases {

    /** The secret holding the embedded database's password. */
    public static final String PASSWORD_SECRET = "database.password";

    private Databases() {
    }

    public static Database open(Settings settings) {
        var url = settings.optional("adapter.db.url");
        if (url.isPresent()) {
            return Database.open(url.get(), settings.optional("adapter.db.user").orElse(null),
                    settings.optional("adapter.db.password").orElse(null));
        }
        DataFolder.secure(settings.dataDir());
        Secrets secrets = Secrets.open(Credentials.secretsFile(settings), true);
        String password = secrets.require(List.of(PASSWORD_SECRET)).get(PASSWORD_SECRET);
        return Database.embedded(settings.dataDir(), password);
    }
}
