package org.wcoecom.adapter.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;

/**
 * Reads the partners file again when its content changes (checked every
 * {@code adapter.partners.reload-interval} ms) and applies it while the adapter runs. A file that
 * does not read, or names a format the adapter does not have, is reported and the partners stay as
 * they were. What a change does:
 * <ul>
 * <li>a partner's name, role, sender codes, formats and receipt format: at once, on every channel;</li>
 * <li>a new partner: HTTP (its API key from the secrets, generated when allowed) and its inbox at once;
 * JMS too on the embedded broker (its broker user, its queues, their limit, its ingress route); with an
 * external broker its user and queues must be set up there;</li>
 * <li>a removed partner: refused on HTTP and files at once; its broker user can no longer log in and its
 * ingress route stops (a connection it has open stays until it closes or the adapter restarts).</li>
 * </ul>
 */
final class PartnersReload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnersReload.class);

    /** How a reload gives new partners and takes removed ones their channels (credentials, broker, routes). */
    interface Channels {
        void added(Partner partner) throws Exception;

        void removed(Partner partner) throws Exception;
    }

    private final Path file;
    private final PartnerDirectory partners;
    private final Consumer<PartnerDirectory> check;
    private final Channels channels;
    private final ScheduledExecutorService timer;
    private String digest;

    /**
     * @param check throws when the new partners cannot be taken (a format the adapter does not have)
     */
    PartnersReload(Path file, PartnerDirectory partners, Consumer<PartnerDirectory> check, Channels channels) {
        this.file = file;
        this.partners = partners;
        this.check = check;
        this.channels = channels;
        this.digest = digest().orElse("");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partners-reload");
            t.setDaemon(true);
            return t;
        });
    }

    void start(long intervalMillis) {
        if (intervalMillis > 0) {
            timer.scheduleWithFixedDelay(this::reloadIfChanged, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the file again if its content changed; returns whether the partners changed. */
    synchronized boolean reloadIfChanged() {
        Optional<String> now = digest();
        if (now.isEmpty() || now.get().equals(digest)) {
            return false;
        }
        digest = now.get();
        PartnerDirectory newer;
        try {
            newer = PartnerDirectory.load(Optional.of(file));
            check.accept(newer);
        } catch (RuntimeException e) {
            LOG.error("partners file {} not taken, the partners stay as they were: {}", file, e.getMessage());
            return false;
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Partner p : newer.all()) {
            if (partners.byId(p.id()).isEmpty()) {
                try {
                    channels.added(p);
                    added.add(p.id());
                } catch (Exception e) {
                    LOG.error("partner {} added to the partners file, but its channels could not be opened: {}", p.id(), e.getMessage());
                }
            }
        }
        for (Partner p : partners.all()) {
            if (newer.byId(p.id()).isEmpty()) {
                try {
                    channels.removed(p);
                } catch (Exception e) {
                    LOG.warn("partner {} removed from the partners file; closing its channels: {}", p.id(), e.getMessage());
                }
                removed.add(p.id());
            }
        }
        partners.update(newer);
        LOG.info("partners file {} read again: {} partners{}{}", file, newer.all().size(),
                added.isEmpty() ? "" : ", added " + String.join(", ", added),
                removed.isEmpty() ? "" : ", removed " + String.join(", ", removed));
        return true;
    }

    private Optional<String> digest() {
        try {
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        } catch (Exception e) {
            // being rewritten, or gone for a moment: the next round reads it
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
