package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.validation.Schema;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.message.IngressResult;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.rules.RuleViolation;
import org.wcoecom.adapter.support.Mutations;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.XmlError;

/**
 * What the adapter writes in CEB formats is valid against the official 202205 schema (import or
 * export, as the specification assigns the format): every
 * message it produces from a valid one of the same format (examples, official samples and their
 * valid variants: what it forwards to customs and what it relays from customs), and the receipts it
 * answers partners with (accepted, refused with many errors, refused by the cross-check rules).
 * Skipped when ../shared/reference is absent.
 */
class OfficialSchemaConformanceTest {

    private final Translations engine = new Translations();

    @BeforeAll
    static void officialSchema() {
        Project.reference();
    }

    static List<String> translatableFormats() {
        return Project.cebFormats().stream().filter(id -> {
            Format f = Project.formats().byId(id).orElseThrow();
            return f.toCanonical().isPresent() && f.fromCanonical().isPresent();
        }).toList();
    }

    static List<String> answeredFormats() {
        return Project.cebFormats().stream()
                .filter(id -> Project.formats().byId(id).orElseThrow().receiptFormat().isPresent()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translatableFormats")
    void every_translated_message_is_valid_against_the_official_schema(String id) throws Exception {
        Format format = engine.formats().byId(id).orElseThrow();
        List<byte[]> inputs = new ArrayList<>();
        List<Path> seeds = new ArrayList<>(Project.partnerExamples(id));
        seeds.addAll(Project.officialSamplesOf(id));
        for (Path seed : seeds) {
            // an official sample the schema refuses (202205 export samples with two BaseTransfer) is no input
            if (engine.read(Project.bytes(seed)).valid()) {
                inputs.add(Project.bytes(seed));
            }
            // the valid variants: every input the adapter would accept
            for (byte[] variant : Mutations.of(Project.bytes(seed)).values()) {
                if (engine.read(variant).valid()) {
                    inputs.add(variant);
                }
            }
        }
        Schema official = Project.officialCebSchema(id);
        int translated = 0;
        List<String> problems = new ArrayList<>();
        for (byte[] input : inputs) {
            List<byte[]> out;
            try {
                out = engine.translator().convert(format, engine.valid(input), format,
                        Map.of("message-guid", "0123456789ABCDEF0123456789ABCDEF0123"));
            } catch (TranslationException e) {
                continue; // refused with a reason (e.g. an unknown code); nothing is sent
            }
            translated++;
            for (byte[] message : out) {
                List<String> errors = Xml.errors(official, message);
                if (!errors.isEmpty()) {
                    problems.add(errors.toString());
                }
            }
        }
        System.out.printf("official conformance, %s: %d valid inputs, %d translated, %d outputs invalid%n",
                id, inputs.size(), translated, problems.size());
        assertTrue(translated > 20, "too few inputs translated: " + translated);
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredFormats")
    void receipts_are_valid_against_the_official_schema(String id) throws Exception {
        ReceiptService receipts = receipts();
        Format format = engine.formats().byId(id).orElseThrow();
        Schema official = Project.officialCebSchema(format.receiptFormat().orElseThrow());
        List<Path> examples = Project.partnerExamples(id).stream()
                .filter(p -> !p.getParent().getFileName().toString().equals("written")).toList();
        assertFalse(examples.isEmpty(), "no examples for " + id);
        for (Path example : examples) {
            XdmNode message = engine.valid(Project.bytes(example));
            List<Format.RecordRef> records = format.records(message);

            var documents = engine.translator().toCanonical(format, message, Map.of("partner", "demo-platform", "channel", "http"));
            byte[] accepted = receipts.accepted(new IngressResult("demo-platform", "http", format,
                    format.messageId(message), records, documents, java.util.Collections.nCopies(documents.size(), false))).xml();
            assertEquals(List.of(), Xml.errors(official, accepted), "accepted " + example);
            byte[] duplicate = receipts.accepted(new IngressResult("demo-platform", "http", format,
                    format.messageId(message), records, documents, java.util.Collections.nCopies(documents.size(), true))).xml();
            assertEquals(List.of(), Xml.errors(official, duplicate), "duplicate " + example);

            List<XmlError> many = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String path = records.get(i % records.size()).path() + "/x[1]";
                many.add(new XmlError("SCHEMA_INVALID", 10 + i, 5, path,
                        "cvc-maxLength-valid: value " + "X".repeat(61) + " is too long; 中文说明"));
            }
            byte[] rejected = receipts.rejected(new Rejection(Optional.of("demo-platform"), Optional.of(format),
                    Optional.of(message), many, 17, id)).xml();
            assertEquals(List.of(), Xml.errors(official, rejected), "rejected " + example);

            Format.RecordRef first = records.get(0);
            byte[] byRules = receipts.rejectedByRules("demo-platform", id, "demo-platform:" + first.key(),
                    first.references(), "the documents of order " + first.key() + " disagree",
                    List.of(new RuleViolation("CC-PAID-AMOUNT", "payment amount 1.00 differs from the order's paid amount 2.00",
                            List.of("/Payment/Amount", "/Order/PaidAmount")))).xml();
            assertEquals(List.of(), Xml.errors(official, byRules), "rejected by rules " + example);
        }
    }

    @Test
    void an_unreadable_message_is_answered_in_a_valid_receipt() throws Exception {
        Rejection unreadable = new Rejection(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new XmlError(XmlError.MALFORMED, 1, 1, "/", "Content is not allowed in prolog.")), 0, "message");
        assertEquals(List.of(), Xml.errors(Project.officialCebSchema("ceb312"), receipts().rejected(unreadable).xml()));
    }

    private ReceiptService receipts() {
        return new ReceiptService(engine.formats(), engine.translator(), PartnerDirectory.load(Optional.empty()),
                "ceb312", ZoneId.of("Asia/Shanghai"));
    }
}
