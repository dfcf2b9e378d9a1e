package org.wcoecom.adapter.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Ready while every folder the adapter writes durably (the broker's journal, the database) has at
 * least the configured free space: a full disk stops the journal, and with it every channel.
 */
public final class DiskSpaceCheck extends AbstractHealthCheck {

    private final List<Path> folders;
    private final long minFreeBytes;

    public DiskSpaceCheck(List<Path> folders, long minFreeBytes) {
        super("adapter", "disk");
        this.folders = List.copyOf(folders);
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        for (Path folder : folders) {
            try {
                Path existing = folder;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                long free = Files.getFileStore(existing == null ? Path.of(".") : existing).getUsableSpace();
                builder.detail("free-bytes " + folder, free);
                if (free < minFreeBytes) {
                    builder.message(folder + " has " + free + " bytes free, under adapter.management.min-free-disk-bytes ("
                            + minFreeBytes + ")").down();
                    return;
                }
            } catch (Exception e) {
                builder.message("cannot tell the free space of " + folder + ": " + e.getMessage()).error(e).down();
                return;
            }
        }
        builder.up();
    }
}
