package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.validation.Schema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.pipeline.Rejection;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.support.Mutations;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.XmlError;
import org.wcoecom.adapter.partner.PartnerDirectory;

/**
 * What the adapter writes in CEB formats is valid against the official 202205 import schema: every
 * CEB311 it produces from a valid CEB311 (examples, official samples and their valid variants), and
 * CEB312 receipts for acceptances and rejections. Skipped when ../shared/reference is absent.
 */
class OfficialSchemaConformanceTest {

    private static Schema official;
    private final Translations engine = new Translations();

    @BeforeAll
    static void officialSchema() {
        official = Xml.schema(Project.reference().resolve("ceb/xsd-202205/ceb-import-202205.xsd").toFile());
    }

    @Test
    void every_translated_ceb311_is_valid_against_the_official_schema() throws Exception {
        Format ceb311 = engine.formats().byId("ceb311").orElseThrow();
        List<byte[]> inputs = new ArrayList<>();
        List<Path> seeds = new ArrayList<>(Project.partnerExamples("ceb311"));
        seeds.addAll(Project.officialSamples("CEB311"));
        for (Path seed : seeds) {
            inputs.add(Project.bytes(seed));
            // the valid variants: every input the adapter would accept
            for (byte[] variant : Mutations.of(Project.bytes(seed)).values()) {
                if (engine.read(variant).valid()) {
                    inputs.add(variant);
                }
            }
        }
        int translated = 0;
        List<String> problems = new ArrayList<>();
        for (byte[] input : inputs) {
            List<byte[]> out;
            try {
                out = engine.translator().convert(ceb311, engine.valid(input), ceb311, Map.of("message-guid", "0123456789ABCDEF0123456789ABCDEF0123"));
            } catch (TranslationException e) {
                continue; // refused with a reason (e.g. an unknown code); nothing is sent
            }
            translated++;
            List<String> errors = Xml.errors(official, out.get(0));
            if (!errors.isEmpty()) {
                problems.add(errors.toString());
            }
        }
        System.out.printf("official conformance: %d valid CEB311 inputs, %d translated, %d outputs invalid%n",
                inputs.size(), translated, problems.size());
        assertTrue(translated > 100);
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())));
    }

    @Test
    void receipts_are_valid_against_the_official_schema() throws Exception {
        ReceiptService receipts = new ReceiptService(engine.formats(), engine.translator(),
                PartnerDirectory.load(Optional.empty()), "ceb312", java.time.ZoneId.of("Asia/Shanghai"));
        Format ceb311 = engine.formats().byId("ceb311").orElseThrow();
        byte[] multi = Project.bytes(Project.examples("ceb311").resolve("order-multi.xml"));
        List<XmlError> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new XmlError("SCHEMA_INVALID", 10 + i, 5, "/CEB311Message/Order[" + (1 + i % 3) + "]/OrderHead[1]/orderNo[1]",
                    "cvc-maxLength-valid: value " + "X".repeat(61) + " is too long; 中文说明"));
        }
        Rejection rejection = new Rejection(Optional.of("demo-platform"), Optional.of(ceb311),
                Optional.of(engine.valid(multi)), many, 17, "ceb311");
        byte[] rejected = receipts.rejected(rejection).xml();
        assertEquals(List.of(), Xml.errors(official, rejected));

        Rejection unreadable = new Rejection(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new XmlError(XmlError.MALFORMED, 1, 1, "/", "Content is not allowed in prolog.")), 0, "message");
        assertEquals(List.of(), Xml.errors(official, receipts.rejected(unreadable).xml()));
        for (Path golden : Project.partnerExamples("ceb312")) {
            assertEquals(List.of(), Xml.errors(official, Project.bytes(golden)), golden.toString());
        }
    }
}
