package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * What an operator looks at, read from the audit trail and the three-document check's rows: the flow
 * per partner, rejections by code with their latest examples, the groups still waiting for a
 * document, the declarations held. The operations page and the {@code status} command both read here.
 */
public final class OperationsQueries {

    /** The kinds a three-document group needs (CrossCheckStore). */
    private static final List<String> GROUP_KINDS = List.of("Order", "Payment", "Shipment");
    /** Most audit rows read for one view: a busy hour reads its latest rows, not the whole table. */
    private static final int MAX_ROWS = 20_000;

    private final DataSource db;

    public OperationsQueries(DataSource db) {
        this.db = db;
    }

    /** Records received per partner and minute since the given time, by outcome (ACCEPTED, DUPLICATE, REJECTED). */
    public record FlowPoint(String partner, Instant minute, String outcome, long records) {
    }

    public List<FlowPoint> flow(Instant since) {
        Map<String, Long> counts = new TreeMap<>();
        query("SELECT partner, at, outcome FROM audit_event WHERE event = 'RECEIVED' AND at >= ? ORDER BY id DESC", since, r -> {
            Instant minute = r.getTimestamp(2).toInstant().truncatedTo(ChronoUnit.MINUTES);
            counts.merge(nz(r.getString(1)) + "\u0000" + minute.toEpochMilli() + "\u0000" + nz(r.getString(3)), 1L, Long::sum);
        });
        List<FlowPoint> points = new ArrayList<>();
        counts.forEach((k, v) -> {
            String[] p = k.split("\u0000", -1);
            points.add(new FlowPoint(p[0], Instant.ofEpochMilli(Long.parseLong(p[1])), p[2], v));
        });
        return points;
    }

    /** A refused message or record, as the audit trail has it. */
    public record Rejected(Instant at, String partner, String channel, String format, String recordId, String code, String detail) {
    }

    /** Rejections of one code since a time: how many, and the latest few. */
    public record CodeCount(String code, long count, List<Rejected> latest) {
    }

    /** Rejections since the given time by code (the most frequent first), with the latest examples of each. */
    public List<CodeCount> rejections(Instant since, int examples) {
        Map<String, List<Rejected>> byCode = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        query("SELECT at, partner, channel, format, record_id, detail FROM audit_event WHERE event = 'RECEIVED' AND outcome = 'REJECTED'"
                + " AND at >= ? ORDER BY id DESC", since, r -> {
            String detail = nz(r.getString(6));
            // the detail starts with the code (pipeline.Inbound); older rows have none
            String code = detail.matches("[A-Z][A-Z0-9_]+ .*") ? detail.substring(0, detail.indexOf(' ')) : "REJECTED";
            counts.merge(code, 1L, Long::sum);
            List<Rejected> latest = byCode.computeIfAbsent(code, c -> new ArrayList<>());
            if (latest.size() < examples) {
                latest.add(new Rejected(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getString(4), r.getString(5), code,
                        detail.replaceFirst(" \\[delivery [^]]*]$", "")));
            }
        });
        List<CodeCount> result = new ArrayList<>();
        counts.forEach((code, n) -> result.add(new CodeCount(code, n, byCode.get(code))));
        result.sort((a, b) -> Long.compare(b.count(), a.count()));
        return result;
    }

    /** A three-document group still open: what it has, what it waits for, since when, until when. */
    public record WaitingGroup(String orderNumber, String platform, List<String> present, List<String> missing, Instant since,
                               Instant deadline) {
    }

    public List<WaitingGroup> waitingGroups(int limit) {
        Map<String, WaitingGroup> groups = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT g.order_no, g.platform, g.deadline, d.kind, d.received_at FROM crosscheck_group g"
                     + " LEFT JOIN crosscheck_document d ON d.order_no = g.order_no AND d.platform = g.platform WHERE g.state = 'OPEN'"
                     + " ORDER BY g.updated_at")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String key = r.getString(1) + "\u0000" + r.getString(2);
                    if (!groups.containsKey(key) && groups.size() >= limit) {
                        continue;
                    }
                    WaitingGroup g = groups.computeIfAbsent(key, k -> {
                        try {
                            return new WaitingGroup(r.getString(1), r.getString(2), new ArrayList<>(), new ArrayList<>(GROUP_KINDS), null,
                                    r.getTimestamp(3).toInstant());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String kind = r.getString(4);
                    if (kind != null) {
                        g.present().add(kind);
                        g.missing().remove(kind);
                        Instant at = r.getTimestamp(5).toInstant();
                        if (g.since() == null || at.isBefore(g.since())) {
                            groups.put(key, new WaitingGroup(g.orderNumber(), g.platform(), g.present(), g.missing(), at, g.deadline()));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the three-document groups: " + e.getMessage(), e);
        }
        List<WaitingGroup> result = new ArrayList<>(groups.values());
        result.sort((a, b) -> a.since() == null || b.since() == null ? 0 : a.since().compareTo(b.since()));
        return result;
    }

    /** Open groups and the arrival of the oldest document among them (null when none). */
    public record GroupSummary(long open, Instant oldest) {
    }

    public GroupSummary groupSummary() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(DISTINCT g.order_no || '/' || g.platform), MIN(d.received_at)"
                     + " FROM crosscheck_group g LEFT JOIN crosscheck_document d ON d.order_no = g.order_no AND d.platform = g.platform"
                     + " WHERE g.state = 'OPEN'");
             ResultSet r = s.executeQuery()) {
            r.next();
            Timestamp oldest = r.getTimestamp(2);
            return new GroupSummary(r.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the three-document groups: " + e.getMessage(), e);
        }
    }

    /** A declaration held (an item missing from the catalogue, say): why, and since when. */
    public record HeldDeclaration(String orderNumber, String platform, String reason, Instant since) {
    }

    public List<HeldDeclaration> held(int limit) {
        List<HeldDeclaration> held = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT order_no, platform, reason, updated_at FROM crosscheck_group WHERE state = 'HELD'"
                     + " ORDER BY updated_at")) {
            s.setMaxRows(limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    held.add(new HeldDeclaration(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the held declarations: " + e.getMessage(), e);
        }
        return held;
    }

    public long heldCount() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM crosscheck_group WHERE state = 'HELD'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the held declarations: " + e.getMessage(), e);
        }
    }

    /** The partners that appear in the audit trail since the given time, for a view that lists them all. */
    public List<String> partners(Instant since) {
        TreeSet<String> partners = new TreeSet<>();
        flow(since).forEach(p -> partners.add(p.partner()));
        return List.copyOf(partners);
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private void query(String sql, Instant since, Row row) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setMaxRows(MAX_ROWS);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
