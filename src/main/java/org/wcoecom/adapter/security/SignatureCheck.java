package org.wcoecom.adapter.security;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.sf.saxon.s9api.XdmNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.NodePaths;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.xml.XmlError;
import org.xml.sax.InputSource;

/**
 * The pipeline's one signature step: the signature a partner owes on a message (see
 * {@link SignaturePolicy}) is verified against that partner's certificates
 * ({@link PartnerCertificates}) by the {@link SignatureVerifier}. Runs after schema validation and
 * the sender check, so the message is of its format and from the partner it names.
 */
public final class SignatureCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureCheck.class);

    private final SignaturePolicy policy;
    private final PartnerCertificates certificates;
    private final SignatureVerifier verifier;

    public SignatureCheck(SignaturePolicy policy, PartnerCertificates certificates, SignatureVerifier verifier) {
        this.policy = policy;
        this.certificates = certificates;
        this.verifier = verifier;
    }

    /** From the settings ({@code adapter.signature.*}); a wrong entry or an unreadable certificate stops the start. */
    public static SignatureCheck load(Settings settings, PartnerDirectory partners, FormatRegistry formats) {
        List<String> ids = partners.all().stream().map(Partner::id).toList();
        Secrets secrets = Secrets.open(Credentials.secretsFile(settings), false);
        SignatureCheck check = new SignatureCheck(SignaturePolicy.load(settings, ids, formats),
                PartnerCertificates.load(settings, ids, secrets),
                new SignatureVerifier(Boolean.parseBoolean(settings.get("adapter.signature.accept-sha1"))));
        check.describe(partners, formats);
        return check;
    }

    /**
     * What is wrong with the signature the partner owes on this message; empty when it owes none or
     * its signature is valid.
     *
     * @param document    the message as read and validated
     * @param content     its bytes, as received
     * @param decodedText whether those bytes are the UTF-8 form of text the channel already decoded (a
     *                    JMS text message), so that an encoding the XML declaration names no longer applies
     */
    public List<XmlError> check(Partner partner, Format format, XdmNode document, byte[] content, boolean decodedText) {
        SignaturePolicy.Mode mode = policy.mode(partner.id(), format.definition());
        if (mode == SignaturePolicy.Mode.NONE || (mode == SignaturePolicy.Mode.OPTIONAL && !SignatureVerifier.isSigned(document))) {
            return List.of();
        }
        List<X509Certificate> trusted = certificates.of(partner.id());
        if (trusted.isEmpty() && SignatureVerifier.isSigned(document)) {
            XdmNode root = Format.rootElement(document);
            return List.of(new XmlError(SignatureVerifier.INVALID, Math.max(0, root.getLineNumber()), Math.max(0, root.getColumnNumber()),
                    NodePaths.of(root), "no certificate is configured for partner " + partner.id() + " ("
                            + PartnerCertificates.key(partner.id()) + "): its signature cannot be verified"));
        }
        InputSource source = decodedText ? new InputSource(new StringReader(new String(content, StandardCharsets.UTF_8)))
                : new InputSource(new ByteArrayInputStream(content));
        return verifier.verify(document, source, trusted, Instant.now());
    }

    /** One line at start: whose signatures are required, and who has no certificate to check them with. */
    private void describe(PartnerDirectory partners, FormatRegistry formats) {
        List<String> owed = new ArrayList<>();
        List<String> unverifiable = new ArrayList<>();
        for (Partner p : partners.all()) {
            List<String> required = formats.all().stream().filter(f -> f.definition().readable())
                    .filter(f -> policy.mode(p.id(), f.definition()) == SignaturePolicy.Mode.REQUIRED).map(Format::id).toList();
            owed.add(p.id() + " " + required);
            if (!required.isEmpty() && certificates.of(p.id()).isEmpty()) {
                unverifiable.add(p.id());
            }
        }
        LOG.info("signatures required: {}", String.join(", ", owed));
        if (!unverifiable.isEmpty()) {
            LOG.warn("no signature certificate for {} ({}): their messages that must be signed are refused",
                    String.join(", ", unverifiable), PartnerCertificates.key("<partner>"));
        }
    }
}
