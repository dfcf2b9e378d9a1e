package org.wcoecom.adapter.format;

import java.util.ArrayDeque;
import java.util.Deque;

import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

/** Element paths of tree nodes, in the same form the validator reports them. */
public final class NodePaths {

    private NodePaths() {
    }

    /** {@code /Root/Child[2]/leaf[1]}; attributes end in {@code /@name}. */
    public static String of(XdmNode node) {
        Deque<String> steps = new ArrayDeque<>();
        XdmNode n = node;
        String attribute = null;
        if (n.getNodeKind() == XdmNodeKind.ATTRIBUTE) {
            attribute = "@" + n.getNodeName().getLocalName();
            n = n.getParent();
        } else if (n.getNodeKind() == XdmNodeKind.TEXT) {
            n = n.getParent();
        }
        while (n != null && n.getNodeKind() == XdmNodeKind.ELEMENT) {
            XdmNode parent = n.getParent();
            String name = n.getNodeName().getLocalName();
            if (parent == null || parent.getNodeKind() == XdmNodeKind.DOCUMENT) {
                steps.push(name);
            } else {
                int position = 1;
                for (XdmNode sibling : parent.children()) {
                    if (sibling.equals(n)) {
                        break;
                    }
                    if (sibling.getNodeKind() == XdmNodeKind.ELEMENT && sibling.getNodeName().getLocalName().equals(name)) {
                        position++;
                    }
                }
                steps.push(name + "[" + position + "]");
            }
            n = parent;
        }
        StringBuilder sb = new StringBuilder();
        for (String step : steps) {
            sb.append('/').append(step);
        }
        if (attribute != null) {
            sb.append('/').append(attribute);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
