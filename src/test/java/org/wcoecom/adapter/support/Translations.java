package org.wcoecom.adapter.support;

import java.util.List;
import java.util.Map;

import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.runtime.SigningKeys;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.xml.XmlError;

/** The engine as the command line uses it: read (identify + validate), translate, write validated. */
public final class Translations {

    private final FormatRegistry formats;
    private final MessageReader reader;
    private final Translator translator;

    public Translations() {
        this.formats = Project.formats();
        this.reader = new MessageReader(formats, 1000);
        this.translator = new Translator(formats, 1000, () -> SigningKeys.temporary(
                Settings.load(java.util.Optional.empty(), Map.of())));
    }

    public FormatRegistry formats() {
        return formats;
    }

    public Translator translator() {
        return translator;
    }

    public ReadResult read(byte[] xml) {
        return reader.read(xml);
    }

    /** Reads a message that must be valid, and returns its tree. */
    public XdmNode valid(byte[] xml) {
        ReadResult r = reader.read(xml);
        if (!r.valid()) {
            throw new AssertionError("not valid: " + r.allErrors().stream().map(XmlError::describe).toList());
        }
        return r.document().orElseThrow();
    }

    public List<CanonicalDocument> toCanonical(byte[] partnerMessage) throws TranslationException {
        ReadResult r = reader.read(partnerMessage);
        XdmNode doc = valid(partnerMessage);
        return translator.toCanonical(r.format().orElseThrow(), doc, Map.of());
    }

    /** All canonical documents of a message as written by the command line: one, or a batch. */
    public byte[] toCanonicalFile(byte[] partnerMessage) throws TranslationException {
        List<CanonicalDocument> docs = toCanonical(partnerMessage);
        if (docs.size() == 1) {
            return docs.get(0).xml();
        }
        XdmNode batch = translator.batch(docs.stream().map(CanonicalDocument::tree).toList());
        return translator.writeValidated(batch, formats.canonical().schema(), Translator.CANONICAL_INVALID, "canonical");
    }

    public byte[] fromCanonical(String targetFormat, byte[] canonical) throws TranslationException {
        Format target = formats.byId(targetFormat).orElseThrow();
        return translator.fromCanonical(target, valid(canonical), Map.of());
    }
}
