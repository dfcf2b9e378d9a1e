package org.wcoecom.adapter.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.wcoecom.adapter.broker.DeadLetterQueues;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.OperationsQueries;

/**
 * The operations page, rendered on the server from an {@link OperationsView.Snapshot}: a plot of the
 * last 15 minutes per partner (inline SVG, redrawn by a few lines of script), rejections by code with
 * their latest examples, dead letters with a replay button, groups waiting, declarations held,
 * unmatched customs receipts, queue depths. Every value a partner could have chosen is escaped.
 */
public final class OperationsPage {

    public static final String PATH = "/ops";
    public static final String FLOW = PATH + "/flow.svg";
    public static final String HISTORY = PATH + "/history";
    public static final String REPLAY = PATH + "/replay";

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int BOTTOM = 24;

    private final DateTimeFormatter time;

    public OperationsPage(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** The whole page; notice: what the last action did (shown once, escaped). */
    public String page(OperationsView.Snapshot s, String csrfToken, String nonce, Optional<String> notice) {
        StringBuilder h = new StringBuilder(16_384);
        head(h, "wco-ecom-adapter operations", nonce);
        h.append("<h1>wco-ecom-adapter operations</h1><p>As of <span id=\"as-of\">").append(time.format(s.at()))
                .append("</span>. The plot redraws every 15 seconds; reload for the rest.</p>\n");
        notice.ifPresent(n -> h.append("<p class=\"notice\" id=\"notice\">").append(Html.text(n)).append("</p>\n"));

        h.append("<section id=\"flow\"><h2>Flow per partner, last 15 minutes</h2><div id=\"flow-plot\">").append(flowSvg(s.flow(), s.at()))
                .append("</div>");
        flowTable(h, s.flow());
        h.append("</section>\n");

        rejections(h, s.rejections());
        deadLetters(h, s.deadLetters(), csrfToken);
        waiting(h, s.waiting(), s.at());
        held(h, s.held());
        h.append("<section id=\"unmatched\"><h2>Unmatched customs receipts</h2><p><span id=\"unmatched-count\">").append(s.unmatchedReceipts())
                .append("</span> customs receipt message(s) answer records the adapter does not know; they are kept on their queue for the operator.</p></section>\n");
        queues(h, s.queues());
        h.append("<script nonce=\"").append(nonce).append("\">\n")
                .append("setInterval(function(){fetch('").append(FLOW).append("',{credentials:'same-origin'}).then(function(r){return r.ok?r.text():null;})")
                .append(".then(function(svg){if(svg){document.getElementById('flow-plot').innerHTML=svg;}}).catch(function(){});},15000);\n")
                .append("</script>\n</body></html>\n");
        return h.toString();
    }

    /** The plot alone: records received per minute, one line per partner. */
    public String flowSvg(List<OperationsQueries.FlowPoint> flow, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        int minutes = (int) OperationsView.WINDOW.toMinutes();
        Instant start = end.minus(Duration.ofMinutes(minutes - 1L));
        Map<String, long[]> perPartner = new TreeMap<>();
        for (OperationsQueries.FlowPoint p : flow) {
            int i = (int) Duration.between(start, p.minute()).toMinutes();
            if (i >= 0 && i < minutes) {
                perPartner.computeIfAbsent(p.partner(), k -> new long[minutes])[i] += p.records();
            }
        }
        long max = Math.max(1, perPartner.values().stream().flatMapToLong(java.util.Arrays::stream).max().orElse(1));
        double dx = (WIDTH - LEFT - 10) / (double) (minutes - 1);
        double plotHeight = HEIGHT - BOTTOM - 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT + 20 * perPartner.size())
                .append("\" role=\"img\" aria-label=\"records received per minute per partner\">");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"10\" x2=\"").append(LEFT).append("\" y2=\"").append(HEIGHT - BOTTOM)
                .append("\" stroke=\"#999\"/><line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - 10).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#999\"/>");
        svg.append("<text x=\"4\" y=\"16\" font-size=\"11\">").append(max).append("</text><text x=\"4\" y=\"").append(HEIGHT - BOTTOM)
                .append("\" font-size=\"11\">0</text>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 6).append("\" font-size=\"11\">-").append(minutes - 1)
                .append(" min</text><text x=\"").append(WIDTH - 40).append("\" y=\"").append(HEIGHT - 6).append("\" font-size=\"11\">now</text>");
        int n = 0;
        for (Map.Entry<String, long[]> e : perPartner.entrySet()) {
            String colour = COLOURS[n % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < minutes; i++) {
                double x = LEFT + i * dx;
                double y = HEIGHT - BOTTOM - e.getValue()[i] * plotHeight / max;
                points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline class=\"flow-line\" data-partner=\"").append(Html.text(e.getKey())).append("\" fill=\"none\" stroke=\"")
                    .append(colour).append("\" stroke-width=\"2\" points=\"").append(points.toString().trim()).append("\"/>");
            int legendY = HEIGHT + 14 + 20 * n;
            svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(legendY - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour).append("\"/><text x=\"").append(LEFT + 16).append("\" y=\"").append(legendY).append("\" font-size=\"12\">")
                    .append(Html.text(e.getKey())).append(" (").append(java.util.Arrays.stream(e.getValue()).sum()).append(")</text>");
            n++;
        }
        if (perPartner.isEmpty()) {
            svg.append("<text x=\"").append(LEFT + 20).append("\" y=\"").append(HEIGHT / 2).append("\" font-size=\"13\" fill=\"#777\">")
                    .append("nothing received in the last 15 minutes</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A record's history in the audit trail, oldest first. */
    public String history(String recordId, List<AuditTrail.Event> events, String nonce) {
        StringBuilder h = new StringBuilder();
        head(h, "audit: " + recordId, nonce);
        h.append("<p><a href=\"").append(PATH).append("\">operations</a></p><h1>Audit history of <code id=\"record\">")
                .append(Html.text(recordId)).append("</code></h1>");
        if (events.isEmpty()) {
            h.append("<p class=\"empty\">no event for this record (retention may have removed them)</p>");
        } else {
            h.append("<table id=\"history\"><tr><th>at</th><th>event</th><th>outcome</th><th>partner</th><th>channel</th><th>format</th>")
                    .append("<th>message</th><th>detail</th></tr>");
            for (AuditTrail.Event e : events) {
                h.append("<tr><td>").append(time.format(e.at())).append("</td><td>").append(Html.text(e.event())).append("</td><td>")
                        .append(Html.text(e.outcome())).append("</td><td>").append(Html.text(e.partner())).append("</td><td>")
                        .append(Html.text(e.channel())).append("</td><td>").append(Html.text(e.format())).append("</td><td>")
                        .append(Html.text(e.messageId())).append("</td><td>").append(Html.text(e.detail())).append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The document's head, with the one style sheet (allowed by its nonce) both pages use. */
    private static void head(StringBuilder h, String title, String nonce) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.text(title)).append("</title>\n")
                .append("<style nonce=\"").append(nonce).append("\">")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em;")
                .append("border-bottom:1px solid #ccc}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;")
                .append("vertical-align:top}th{background:#f3f3f3}.num{text-align:right}.notice{background:#e8f5e9;padding:6px}")
                .append(".empty{color:#777}code{font-size:12px;word-break:break-all}</style></head><body>\n");
    }

    private static void flowTable(StringBuilder h, List<OperationsQueries.FlowPoint> flow) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        for (OperationsQueries.FlowPoint p : flow) {
            totals.computeIfAbsent(p.partner(), k -> new TreeMap<>()).merge(p.outcome(), p.records(), Long::sum);
        }
        if (totals.isEmpty()) {
            return;
        }
        h.append("<table id=\"flow-totals\"><tr><th>partner</th><th>accepted</th><th>duplicate</th><th>rejected</th></tr>");
        totals.forEach((partner, byOutcome) -> h.append("<tr><td>").append(Html.text(partner)).append("</td><td class=\"num\">")
                .append(byOutcome.getOrDefault("ACCEPTED", 0L)).append("</td><td class=\"num\">").append(byOutcome.getOrDefault("DUPLICATE", 0L))
                .append("</td><td class=\"num\">").append(byOutcome.getOrDefault("REJECTED", 0L)).append("</td></tr>"));
        h.append("</table>");
    }

    private void rejections(StringBuilder h, List<OperationsQueries.CodeCount> rejections) {
        h.append("<section id=\"rejections\"><h2>Rejections by code, last 15 minutes</h2>");
        if (rejections.isEmpty()) {
            h.append("<p class=\"empty\">none</p></section>\n");
            return;
        }
        h.append("<table><tr><th>code</th><th>count</th><th>latest</th></tr>");
        for (OperationsQueries.CodeCount c : rejections) {
            h.append("<tr class=\"rejection\" data-code=\"").append(Html.text(c.code())).append("\"><td>").append(Html.text(c.code()))
                    .append("</td><td class=\"num count\">").append(c.count()).append("</td><td><ul>");
            for (OperationsQueries.Rejected r : c.latest()) {
                h.append("<li>").append(time.format(r.at())).append(" ").append(Html.text(r.partner())).append(" / ").append(Html.text(r.channel()))
                        .append(" / ").append(Html.text(r.format() == null ? "?" : r.format())).append(": ");
                recordLink(h, r.recordId());
                h.append(" <span class=\"detail\">").append(Html.text(r.detail())).append("</span></li>");
            }
            h.append("</ul></td></tr>");
        }
        h.append("</table></section>\n");
    }

    private void deadLetters(StringBuilder h, List<DeadLetterQueues.Letter> letters, String csrfToken) {
        h.append("<section id=\"dead-letters\"><h2>Dead letters</h2>");
        if (letters.isEmpty()) {
            h.append("<p class=\"empty\">none</p></section>\n");
            return;
        }
        h.append("<table><tr><th>queue</th><th>stage</th><th>partner</th><th>record</th><th>failed at</th><th>reason</th><th></th></tr>");
        for (DeadLetterQueues.Letter l : letters) {
            h.append("<tr class=\"dead-letter\"><td>").append(Html.text(l.queue())).append("</td><td>").append(Html.text(l.stage()))
                    .append("</td><td>").append(Html.text(l.partner())).append("</td><td>");
            recordLink(h, l.recordId());
            h.append("</td><td>").append(Html.text(l.failedAt())).append("</td><td><code>").append(Html.text(l.reason()))
                    .append("</code></td><td><form method=\"post\" action=\"").append(REPLAY).append("\"><input type=\"hidden\" name=\"id\" value=\"")
                    .append(Html.text(l.id())).append("\"><input type=\"hidden\" name=\"csrf\" value=\"").append(Html.text(csrfToken))
                    .append("\"><button type=\"submit\" class=\"replay\">Replay</button></form></td></tr>");
        }
        h.append("</table><p>Replay sends the message back to ").append("the queue it failed on, once: fix the cause first.</p></section>\n");
    }

    private void waiting(StringBuilder h, List<OperationsQueries.WaitingGroup> groups, Instant now) {
        h.append("<section id=\"waiting\"><h2>Three-document groups waiting</h2>");
        if (groups.isEmpty()) {
            h.append("<p class=\"empty\">none</p></section>\n");
            return;
        }
        h.append("<table><tr><th>order</th><th>platform</th><th>has</th><th>waits for</th><th>since</th><th>times out</th></tr>");
        for (OperationsQueries.WaitingGroup g : groups) {
            h.append("<tr class=\"group\"><td>").append(Html.text(g.orderNumber())).append("</td><td>").append(Html.text(g.platform()))
                    .append("</td><td>").append(Html.text(String.join(", ", g.present()))).append("</td><td class=\"missing\">")
                    .append(Html.text(String.join(", ", g.missing()))).append("</td><td>")
                    .append(g.since() == null ? "" : time.format(g.since()) + " (" + ago(g.since(), now) + ")").append("</td><td>")
                    .append(time.format(g.deadline())).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private void held(StringBuilder h, List<OperationsQueries.HeldDeclaration> held) {
        h.append("<section id=\"held\"><h2>Declarations held</h2>");
        if (held.isEmpty()) {
            h.append("<p class=\"empty\">none</p></section>\n");
            return;
        }
        h.append("<table><tr><th>order</th><th>platform</th><th>why</th><th>since</th></tr>");
        for (OperationsQueries.HeldDeclaration d : held) {
            h.append("<tr class=\"held\"><td>").append(Html.text(d.orderNumber())).append("</td><td>").append(Html.text(d.platform()))
                    .append("</td><td>").append(Html.text(d.reason())).append("</td><td>").append(time.format(d.since())).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static void queues(StringBuilder h, Map<String, Long> queues) {
        h.append("<section id=\"queues\"><h2>Queues</h2><table><tr><th>queue</th><th>messages</th></tr>");
        List<String> names = new ArrayList<>(queues.keySet());
        for (String q : names) {
            h.append("<tr><td>").append(Html.text(q)).append("</td><td class=\"num\">").append(queues.get(q)).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static void recordLink(StringBuilder h, String recordId) {
        if (recordId == null || recordId.isBlank()) {
            h.append("<span class=\"empty\">(no record)</span>");
            return;
        }
        h.append("<a class=\"record\" href=\"").append(HISTORY).append("?record=").append(Html.text(Html.param(recordId))).append("\">")
                .append(Html.text(recordId)).append("</a>");
    }

    private static String ago(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min ago" : d.toMinutes() + " min " + d.toSecondsPart() + " s ago";
    }
}
