package org.wcoecom.adapter.pipeline;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inboxes take regular files and the partners' folders, nothing else: a symbolic link would let
 * whoever can write an inbox make the adapter read (and move) any file it can reach, a named pipe
 * would stall the poller, a device would never end. Such entries are left where they are, with a
 * warning once.
 */
public final class RegularFilesOnly implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(RegularFilesOnly.class);

    private final java.util.Set<Path> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = file.getFile().toPath();
        boolean ok = file.isDirectory()
                ? Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
        if (!ok && warned.add(path) && warned.size() < 10_000) {
            LOG.warn("left alone in the inbox: {} is not a regular file (a link, a pipe or a device)", path);
        }
        return ok;
    }
}
