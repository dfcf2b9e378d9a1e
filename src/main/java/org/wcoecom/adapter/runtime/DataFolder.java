package org.wcoecom.adapter.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds the journal, the database, the secrets, the keys and every partner's inbox:
 * its owner alone may enter it. Created so, and made so again at every start when someone opened it.
 */
public final class DataFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {
    }

    public static void secure(Path dir) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(dir);
                }
                return;
            }
            if (posix && !Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) {
                LOG.warn("the data folder {} was open to others ({}): now its owner's only", dir,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the data folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
