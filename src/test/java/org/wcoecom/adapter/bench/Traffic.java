package org.wcoecom.adapter.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the partners send, message after message, and what each message must cause: the same for
 * the same seed. {@link #ordersOnly} is the platform's orders alone (the mix the stock routes can
 * carry too); {@link #realistic} adds each order's payment and waybill from the other two partners,
 * so that three-document groups complete and declarations are made, with wrong payments corrected
 * later and messages re-sent.
 */
final class Traffic {

    static final String PLATFORM = "demo-platform";
    static final String PAYMENT = "demo-payment";
    static final String LOGISTICS = "demo-logistics";

    /** Every how many rounds one payment is wrong (and corrected {@link #CORRECTION_LAG} rounds later). */
    static final int WRONG_EVERY = 8;
    /**
     * Rounds between a wrong payment and its correction: more than the messages the load keeps in
     * flight (64 at most, three per round), so that the wrong one has been checked before.
     */
    static final int CORRECTION_LAG = 40;
    /** Every how many rounds an orders message of five rounds before is sent again (answered as duplicates). */
    static final int RESEND_EVERY = 10;

    /**
     * One partner message: who sends it, its bytes, how many records it carries, the records that
     * must reach customs because of it ("record id#appType") and how many declarations become due
     * once it is sent (groups whose last document it is).
     */
    record Send(String partner, byte[] xml, int records, List<String> forwards, int completes) {
    }

    private enum Kind { ORDERS, PAYMENTS, WAYBILLS, CORRECTION, RESEND }

    private record Planned(Kind kind, int round) {
    }

    private final String name;
    private final CorpusGenerator generator;
    private final Mix mix;
    private final boolean realistic;
    private final boolean resends;
    private final List<Planned> plan = new ArrayList<>();
    private final List<Integer> completesBefore = new ArrayList<>(List.of(0));
    private int nextRound;

    private Traffic(String name, CorpusGenerator generator, Mix mix, boolean realistic, boolean resends) {
        this.name = name;
        this.generator = generator;
        this.mix = mix;
        this.realistic = realistic;
        this.resends = resends;
    }

    /** The platform's orders only, one message after the other. */
    static Traffic ordersOnly(CorpusGenerator generator, Mix mix) {
        return new Traffic("orders", generator, mix, false, false);
    }

    /**
     * Orders, payments and waybills from three partners, in rounds: the orders of a message, their
     * payments, their waybills; every {@value #WRONG_EVERY}th round one wrong payment, corrected
     * (appType 2) {@value #CORRECTION_LAG} rounds later; with {@code resends}, every
     * {@value #RESEND_EVERY}th round the orders message of five rounds before again.
     */
    static Traffic realistic(CorpusGenerator generator, Mix mix, boolean resends) {
        return new Traffic("realistic", generator, mix, true, resends);
    }

    String name() {
        return name;
    }

    List<String> partners() {
        return realistic ? List.of(PLATFORM, PAYMENT, LOGISTICS) : List.of(PLATFORM);
    }

    /** Message number {@code index}. */
    Send send(long index) {
        Planned p = planned(index);
        return switch (p.kind()) {
            case ORDERS -> orders(p.round(), false);
            case RESEND -> orders(p.round(), true);
            case PAYMENTS -> payments(p.round());
            case WAYBILLS -> waybills(p.round());
            case CORRECTION -> correction(p.round());
        };
    }

    /** Declarations due once messages 0 to sent - 1 have all been sent. */
    synchronized long declarationsDue(long sent) {
        planned(sent);
        return completesBefore.get((int) sent);
    }

    private synchronized Planned planned(long index) {
        if (index > Integer.MAX_VALUE - 2) {
            throw new IllegalArgumentException("message index " + index + " out of range");
        }
        while (plan.size() <= index) {
            planRound(nextRound++);
        }
        return plan.get((int) index);
    }

    private void planRound(int r) {
        if (!realistic) {
            add(new Planned(Kind.ORDERS, r), 0);
            return;
        }
        add(new Planned(Kind.ORDERS, r), 0);
        add(new Planned(Kind.PAYMENTS, r), 0);
        add(new Planned(Kind.WAYBILLS, r), hasWrongPayment(r) ? mix.orders() - 1 : mix.orders());
        if (r >= CORRECTION_LAG && hasWrongPayment(r - CORRECTION_LAG)) {
            add(new Planned(Kind.CORRECTION, r - CORRECTION_LAG), 1);
        }
        if (resends && r % RESEND_EVERY == RESEND_EVERY - 1 && r >= 5) {
            add(new Planned(Kind.RESEND, r - 5), 0);
        }
    }

    private void add(Planned p, int completes) {
        plan.add(p);
        completesBefore.add(completesBefore.get(completesBefore.size() - 1) + completes);
    }

    private static boolean hasWrongPayment(int round) {
        return round % WRONG_EVERY == WRONG_EVERY / 2;
    }

    private String wrongOrderNo(int round, CorpusGenerator.Orders orders) {
        return hasWrongPayment(round) ? orders.facts().get(round % orders.facts().size()).orderNo() : null;
    }

    private Send orders(int round, boolean resent) {
        CorpusGenerator.GeneratedMessage m = generator.message(mix, round);
        List<String> forwards = resent ? List.of() : m.orderNos().stream().map(o -> PLATFORM + ":" + o + "#1").toList();
        return new Send(PLATFORM, m.xml(), m.orderNos().size(), forwards, 0);
    }

    private Send payments(int round) {
        CorpusGenerator.Orders orders = generator.orders(mix, round);
        byte[] xml = DocumentWriters.payments(generator.derived(mix, round, 1), orders.facts(), "1", wrongOrderNo(round, orders));
        List<String> forwards = orders.facts().stream().map(f -> PAYMENT + ":" + f.payTransactionId() + "#1").toList();
        return new Send(PAYMENT, xml, forwards.size(), forwards, 0);
    }

    private Send waybills(int round) {
        CorpusGenerator.Orders orders = generator.orders(mix, round);
        byte[] xml = DocumentWriters.waybills(generator.derived(mix, round, 2), orders.facts());
        List<String> forwards = orders.facts().stream().map(f -> LOGISTICS + ":" + DocumentWriters.logisticsNo(f.orderNo()) + "#1").toList();
        int completes = hasWrongPayment(round) ? forwards.size() - 1 : forwards.size();
        return new Send(LOGISTICS, xml, forwards.size(), forwards, completes);
    }

    private Send correction(int round) {
        CorpusGenerator.Orders orders = generator.orders(mix, round);
        String wrong = wrongOrderNo(round, orders);
        OrderWriter.Facts f = orders.facts().stream().filter(x -> x.orderNo().equals(wrong)).findFirst().orElseThrow();
        byte[] xml = DocumentWriters.payments(generator.derived(mix, round, 3), List.of(f), "2", null);
        return new Send(PAYMENT, xml, 1, List.of(PAYMENT + ":" + f.payTransactionId() + "#2"), 1);
    }
}
