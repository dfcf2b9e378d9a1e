package org.wcoecom.adapter.pipeline;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.xml.XmlError;

/**
 * The file channel's naming: a file in {@code inbox/<partner>/} is that partner's; its receipt
 * goes to {@code outbox/<partner>/}, and the file itself to {@code inbox/<partner>/.done/} or
 * {@code .error/}, stamped so that a file sent again under the same name keeps both. A batch
 * file's chunks are answered one receipt each, numbered: {@code <time>-NAME.0001.ceb312.xml}.
 */
public final class FileChannel {

    /** Header read by the file consumer's move option. */
    public static final String MOVE_TO = "AdapterFileMoveTo";
    /** Header read by the file consumer's moveFailed option. */
    public static final String FAILED_TO = "AdapterFileFailedTo";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");

    private final PartnerDirectory partners;

    public FileChannel(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** Camel step: the folder names the partner; a folder of no partner of the partners file is answered here. */
    public void inbound(Exchange exchange) throws RejectedMessageException {
        Message m = exchange.getMessage();
        String relative = m.getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        int slash = relative.indexOf('/');
        String partner = slash > 0 ? relative.substring(0, slash) : "";
        m.setHeader(Headers.CHANNEL, "file");
        m.setHeader(Headers.PARTNER, partner);
        m.setHeader(FAILED_TO, partner + "/.failed/" + LocalDateTime.now().format(STAMP) + "-"
                + m.getHeader(Exchange.FILE_NAME_ONLY, String.class));
        if (partners.byId(partner).isEmpty()) {
            moveTo(m, false, LocalDateTime.now().format(STAMP));
            throw new RejectedMessageException(new Rejection(Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(new XmlError(Intake.PARTNER_UNKNOWN, 0, 0, "/", "'" + partner + "' is not a partner of this adapter")),
                    0, "message"));
        }
    }

    public void outbound(Exchange exchange) {
        Message m = exchange.getMessage();
        String name = m.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String partner = m.getHeader(Headers.PARTNER, String.class);
        String stamp = LocalDateTime.now().format(STAMP);
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Integer chunk = m.getHeader(Headers.BATCH_CHUNK, Integer.class);
        if (chunk == null) {
            moveTo(m, Headers.accepted(m.getHeader(Headers.OUTCOME, String.class)), stamp);
        } else {
            // the batch file itself moves once all its chunks are answered (batchDone)
            stem = stem + "." + chunkNumber(chunk);
        }
        m.setHeader(Exchange.FILE_NAME, partner + "/" + stamp + "-" + stem + "." + m.getHeader(Headers.RECEIPT_FORMAT, String.class) + ".xml");
    }

    /** After the last chunk of a batch file: to .done/ when every chunk was accepted, else to .error/. */
    public void batchDone(Exchange exchange) {
        moveTo(exchange.getMessage(), BatchOutcome.allAccepted(exchange), LocalDateTime.now().format(STAMP));
    }

    /** A chunk's number as its id and receipt name show it: 0001, 0002, ... */
    static String chunkNumber(int chunk) {
        return String.format("%04d", chunk);
    }

    private static void moveTo(Message m, boolean accepted, String stamp) {
        m.setHeader(MOVE_TO, m.getHeader(Headers.PARTNER, String.class) + "/" + (accepted ? ".done" : ".error") + "/" + stamp
                + "-" + m.getHeader(Exchange.FILE_NAME_ONLY, String.class));
    }
}
