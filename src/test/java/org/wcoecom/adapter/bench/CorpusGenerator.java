package org.wcoecom.adapter.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Realistic CEB311 import e-orders of the demo platform for the throughput benchmark, the same for
 * the same seed: each message and batch draws from its own random stream, derived from the seed and
 * what it is (mix and index, or batch id), and its dates from the seed, never from the clock.
 *
 * <p>Order numbers are {@code BENCH-<seed in hex>-<S|T|L><index>-<nn>} for messages and
 * {@code BENCH-<seed in hex>-B<batch id>-<nnnnnnnn>} for batches: unique over everything one seed
 * makes, as long as batches get different ids.
 */
public final class CorpusGenerator {

    public record GeneratedMessage(byte[] xml, List<String> orderNos) {
    }

    private static final String PREFIX = "BENCH-";
    /** Keeps a batch's order numbers within the 60 characters of orderNo. */
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final LocalDateTime FIRST_DAY = LocalDateTime.of(2026, 1, 1, 8, 0);
    /** "batch" in ASCII: its high bits keep batch streams apart from every message's (mix ordinal 0 to 2). */
    private static final long BATCH_STREAM = 0x6261746368L;
    private static final int BUFFER = 1 << 16;

    private final long seed;
    private final String seedTag;
    private final LocalDateTime start;
    private final SignatureBlock signature;

    public CorpusGenerator(long seed) {
        this.seed = seed;
        this.seedTag = Long.toHexString(seed).toUpperCase(Locale.ROOT);
        SplittableRandom own = new SplittableRandom(seed);
        this.start = FIRST_DAY.plusDays(own.nextInt(180));
        this.signature = new SignatureBlock(own);
    }

    /** Message number `index` of the mix: the same (seed, mix, index) always gives the same bytes. */
    public GeneratedMessage message(Mix mix, int index) {
        return orders(mix, index).message();
    }

    /** A generated CEB311 message and what its orders' payments and waybills must repeat. */
    record Orders(GeneratedMessage message, List<OrderWriter.Facts> facts) {
    }

    /** Message number `index` of the mix with its orders' facts. */
    Orders orders(Mix mix, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("message index " + index + " is negative");
        }
        SplittableRandom rng = new SplittableRandom(seed ^ scramble(((long) mix.ordinal() << 32) | index));
        LocalDateTime time = start.plusSeconds(rng.nextInt(30 * 86_400));
        StringBuilder sb = new StringBuilder(mix.orders() * 2_600 + 3_000);
        head(sb, rng);
        List<String> orderNos = new ArrayList<>(mix.orders());
        List<OrderWriter.Facts> facts = new ArrayList<>(mix.orders());
        String prefix = PREFIX + seedTag + '-' + mix.name().charAt(0) + pad(index, 6) + '-';
        for (int k = 0; k < mix.orders(); k++) {
            time = time.plusSeconds(1 + rng.nextInt(20));
            String orderNo = prefix + pad(k, 2);
            facts.add(OrderWriter.write(sb, rng, orderNo, time));
            orderNos.add(orderNo);
        }
        tail(sb, rng, mix.signed());
        return new Orders(new GeneratedMessage(sb.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(orderNos)), List.copyOf(facts));
    }

    /**
     * Writes one CEB311 batch message of about targetBytes (many orders, streamed; never holds the
     * whole thing in memory); returns how many orders it wrote. The orders are those of the mixes,
     * as many as fit below targetBytes (at least one), and the message is signed. Beyond about
     * 255 KB it necessarily holds more than the 100 orders the CEB311 schema allows in one
     * message; in every other respect it stays valid (each run of up to 100 of its orders, with its
     * BaseTransfer, is a valid CEB311 message).
     *
     * @param batchId letters, digits, '_' or '-', at most 20; part of every order number
     */
    public long writeBatch(OutputStream out, long targetBytes, String batchId) throws IOException {
        if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
            throw new IllegalArgumentException("batch id '" + batchId + "' must be 1 to 20 letters, digits, '_' or '-'");
        }
        SplittableRandom rng = new SplittableRandom(seed ^ scramble(BATCH_STREAM ^ batchId.hashCode()));
        StringBuilder sb = new StringBuilder(8_192);
        head(sb, rng);
        byte[] head = utf8(sb);
        tail(sb, rng, true);
        byte[] tail = utf8(sb);

        // buffered here, not closed: the stream is the caller's
        OutputStream buffered = new BufferedOutputStream(out, BUFFER);
        buffered.write(head);
        long written = head.length;
        long orders = 0;
        String prefix = PREFIX + seedTag + "-B" + batchId + '-';
        LocalDateTime time = start;
        while (true) {
            time = time.plusSeconds(1 + rng.nextInt(5));
            OrderWriter.write(sb, rng, prefix + pad(orders, 8), time);
            byte[] order = utf8(sb);
            if (orders > 0 && written + order.length + tail.length > targetBytes) {
                break;
            }
            buffered.write(order);
            written += order.length;
            orders++;
        }
        buffered.write(tail);
        buffered.flush();
        return orders;
    }

    private static void head(StringBuilder sb, SplittableRandom rng) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:CEB311Message xmlns:ceb=\"").append(Markup.CEB_NS)
                .append("\" guid=\"");
        Markup.guid(sb, rng);
        sb.append("\" version=\"1.0\">");
    }

    private void tail(StringBuilder sb, SplittableRandom rng, boolean signed) {
        sb.append("<ceb:BaseTransfer>");
        Markup.element(sb, "copCode", OrderWriter.PLATFORM_CODE);
        Markup.element(sb, "copName", OrderWriter.PLATFORM_NAME);
        Markup.element(sb, "dxpMode", "DXP");
        Markup.element(sb, "dxpId", "DXPENT0000966001");
        sb.append("</ceb:BaseTransfer>");
        if (signed) {
            signature.write(sb, rng);
        }
        sb.append("</ceb:CEB311Message>\n");
    }

    /** The builder's text as UTF-8; the builder is emptied for the next piece. */
    private static byte[] utf8(StringBuilder sb) {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        sb.setLength(0);
        return bytes;
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A random stream of its own for what is derived from message `index` of the mix (its payments, its waybills). */
    SplittableRandom derived(Mix mix, int index, int what) {
        return new SplittableRandom(seed ^ scramble(((long) (what + 8) << 40) ^ ((long) mix.ordinal() << 32) ^ index));
    }

    /** SplitMix64's finaliser: neighbouring indexes get unrelated streams. */
    private static long scramble(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
