package org.wcoecom.adapter.runtime;

import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.Database;

/**
 * The database the settings name: {@code adapter.db.url} with its user and password, or the embedded
 * one under the data folder (a file only the folder's owner reaches).
 */
public final class Databases {

    private Databases() {
    }

    public static Database open(Settings settings) {
        var url = settings.optional("adapter.db.url");
        if (url.isPresent()) {
            return Database.open(url.get(), settings.optional("adapter.db.user").orElse(null),
                    settings.optional("adapter.db.password").orElse(null));
        }
        DataFolder.secure(settings.dataDir());
        return Database.embedded(settings.dataDir(), settings.get("adapter.db.sync"));
    }
}
