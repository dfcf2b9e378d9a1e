package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.runtime.SigningKeys;
import org.wcoecom.adapter.security.SignatureVerifier;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.SignatureAlgorithms;
import org.wcoecom.adapter.xml.XmlSigner;
import org.xml.sax.InputSource;

/**
 * A CEB621 the adapter writes under the national profile (adapter.signing.signature-method
 * sm2-sm3, digest sm3, an SM2 key made at test time): signed with customs' own algorithm URIs,
 * valid against our schema and the official one, and verified by the adapter's own verifier with
 * the declarant's certificate.
 */
class Sm2SignedOutputTest {

    @Test
    void an_sm2_signed_inventory_is_valid_for_both_schemas_and_verifies() throws Exception {
        Settings settings = Settings.load(Optional.empty(), Map.of(
                "adapter.signing.signature-method", SignatureAlgorithms.SM2_SM3,
                "adapter.signing.digest-method", SignatureAlgorithms.SM3));
        XmlSigner signer = SigningKeys.temporary(settings);
        FormatRegistry formats = Project.formats();
        Translator translator = new Translator(formats, 100, () -> signer);
        byte[] canonical = Project.bytes(Project.examples("ceb621").resolve("inventory-single.canonical.xml"));
        // fromCanonical validates what it wrote against our schema, signature included
        byte[] ceb621 = translator.fromCanonical(formats.byId("ceb621").orElseThrow(), Xml.parse(canonical), Map.of());

        var doc = Xml.parse(ceb621);
        assertEquals(SignatureAlgorithms.SM2_SM3, Xml.value(doc, "//*:SignatureMethod/@Algorithm"));
        assertEquals(SignatureAlgorithms.SM3, Xml.value(doc, "//*:DigestMethod/@Algorithm"));
        assertEquals(32, java.util.Base64.getDecoder().decode(Xml.value(doc, "//*:DigestValue")).length, "an SM3 digest");
        assertEquals(List.of(), new SignatureVerifier(false).verify(doc, new InputSource(new ByteArrayInputStream(ceb621)),
                List.of(signer.certificate()), Instant.now()));
        String changed = new String(ceb621, StandardCharsets.UTF_8).replace("<ceb:price>298</ceb:price>", "<ceb:price>299</ceb:price>");
        assertTrue(!changed.equals(new String(ceb621, StandardCharsets.UTF_8)), "the price was changed");
        assertEquals(SignatureVerifier.MISMATCH, new SignatureVerifier(false).verify(Xml.parse(changed),
                new InputSource(new java.io.StringReader(changed)), List.of(signer.certificate()), Instant.now()).get(0).code());
        assertEquals(List.of(), Xml.errors(Project.officialCebSchema("ceb621"), ceb621), "valid against the official schema");
    }
}
