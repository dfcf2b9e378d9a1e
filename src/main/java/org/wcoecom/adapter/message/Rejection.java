package org.wcoecom.adapter.message;

import java.util.List;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Why a message was refused, with everything a precise receipt needs.
 *
 * @param partner       who sent it, when known
 * @param format        its format, when the root element was recognised
 * @param document      its tree, when it was well-formed (to find its records)
 * @param errors        what is wrong and where
 * @param dropped       further errors that were found but not kept
 * @param errorDocument which document the error paths point into (a format id or "canonical")
 */
public record Rejection(Optional<String> partner, Optional<Format> format, Optional<XdmNode> document,
                        List<XmlError> errors, int dropped, String errorDocument) {
}
