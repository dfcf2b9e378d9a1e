package org.wcoecom.adapter.support;

import java.util.ArrayList;
import java.util.List;

import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

import org.wcoecom.adapter.format.NodePaths;

/**
 * The business content of a partner message: every leaf element's path and exact text, plus the
 * root's attributes. An empty element counts as absent (it carries no value); the XML signature is
 * not business content.
 */
public final class BusinessValues {

    private static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";

    private BusinessValues() {
    }

    public static List<String> of(XdmNode document) {
        List<String> values = new ArrayList<>();
        XdmNode root = null;
        for (XdmNode child : document.children()) {
            if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                root = child;
            }
        }
        // attribute order carries no meaning in XML
        List<String> attributes = new ArrayList<>();
        root.axisIterator(net.sf.saxon.s9api.Axis.ATTRIBUTE).forEachRemaining(attribute ->
                attributes.add("@" + attribute.getNodeName().getLocalName() + "=" + attribute.getStringValue()));
        attributes.sort(null);
        values.addAll(attributes);
        collect(root, values);
        return values;
    }

    private static void collect(XdmNode element, List<String> values) {
        if (XMLDSIG.equals(element.getNodeName().getNamespace())) {
            return;
        }
        boolean leaf = true;
        for (XdmNode child : element.children()) {
            if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                leaf = false;
                collect(child, values);
            }
        }
        if (leaf && !element.getStringValue().isEmpty()) {
            values.add(NodePaths.of(element) + "=" + element.getStringValue());
        }
    }
}
