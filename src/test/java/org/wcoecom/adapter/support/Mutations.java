package org.wcoecom.adapter.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Systematic variants of a valid message, to compare two schemas' verdicts: every element removed,
 * duplicated, swapped with its neighbour, moved to another namespace, given an attribute or an
 * unknown child; every leaf given values at and around each length and digit limit the CEB
 * specification uses; root attributes and repeat counts pushed past their limits.
 */
public final class Mutations {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";

    /** Text values around every length, digit and format limit in the CEB tables. */
    static final List<String> VALUES = values();

    private Mutations() {
    }

    private static List<String> values() {
        List<String> v = new ArrayList<>(List.of("", " ", "A", "AB", "ABC", "ABCD", " 14", "1 2", "中文", "中文字",
                "0", "-1", "+5", "1.5", ".5", "5.", "-0.00001", "1.123456", "1.12345", "12345678901234.12345",
                "123456789012345.12345", "123456789012345.1234", "1234567890123456789", "12345678901234567890",
                "00000000000000000001", "1e3", "NaN", "INF", "2147483647", "2147483648", "-2147483649", " 42 ", "１２",
                "abc", "20261120143005", "2026112014300", "202611201430051", "20261120143005123"));
        for (int n : new int[] {6, 7, 8, 9, 10, 11, 14, 17, 18, 19, 20, 21, 30, 31, 32, 33, 36, 37, 50, 51, 60, 61,
                99, 100, 101, 200, 201, 250, 251, 510, 511, 1000, 1001}) {
            v.add("X".repeat(n));
        }
        v.add("中".repeat(60));
        v.add("中".repeat(61));
        return v;
    }

    /** Every variant of the message, labelled by what was changed. */
    public static Map<String, byte[]> of(byte[] bytes) {
        return of(bytes, List.of());
    }

    /**
     * Every variant of the message, its leaves also given each of {@code moreValues} (the limits and
     * patterns of another standard than CEB, e.g. ISO 20022's 35- and 140-character texts, BICs, UETRs).
     */
    public static Map<String, byte[]> of(byte[] bytes, List<String> moreValues) {
        List<String> values = new ArrayList<>(VALUES);
        values.addAll(moreValues);
        // each variant is serialized as soon as it is made: thousands of DOM copies of a large message
        // (an inventory repeated to 101) would not fit in a test heap
        Map<String, byte[]> out = new LinkedHashMap<>();
        Document original = parse(bytes);
        Document message = original;
        List<String> paths = new ArrayList<>();
        collectPaths(original.getDocumentElement(), "", paths);
        Set<String> signatures = new HashSet<>();
        for (String path : paths) {
            Element e = find(original, path);
            if (!signatures.add(signature(e))) {
                // a repeated element (a second order, line, subscriber) varies the same way as the first
                continue;
            }
            boolean root = e == original.getDocumentElement();
            if (!root) {
                put(out, message, path + " removed", d -> remove(find(d, path)));
                put(out, message, path + " duplicated", d -> {
                    Element x = find(d, path);
                    x.getParentNode().insertBefore(x.cloneNode(true), x.getNextSibling());
                });
                put(out, message, path + " swapped with next", d -> {
                    Element x = find(d, path);
                    Node next = nextElement(x);
                    if (next != null) {
                        x.getParentNode().insertBefore(next, x);
                    }
                });
            }
            put(out, message, path + " in another namespace", d -> d.renameNode(find(d, path),
                    find(d, path).getNamespaceURI() + "x", find(d, path).getNodeName()));
            put(out, message, path + " with an unknown attribute", d -> find(d, path).setAttribute("foo", "1"));
            put(out, message, path + " with an unknown child", d -> find(d, path).appendChild(
                    d.createElementNS(find(d, path).getNamespaceURI(), "unknown")));
            for (String type : List.of("xs:string", "xs:int", "xs:decimal", "xs:anyType")) {
                put(out, message, path + " with xsi:type " + type, d -> {
                    find(d, path).setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xs", "http://www.w3.org/2001/XMLSchema");
                    find(d, path).setAttributeNS(XSI, "xsi:type", type);
                });
            }
            put(out, message, path + " with an Id attribute", d -> find(d, path).setAttribute("Id", "id1"));
            put(out, message, path + " with a ds:Object child", d -> find(d, path).appendChild(
                    d.createElementNS(XMLDSIG, "ds:Object")));
            put(out, message, path + " with a ds:HMACOutputLength child", d -> {
                Element h = d.createElementNS(XMLDSIG, "ds:HMACOutputLength");
                h.setTextContent("128");
                find(d, path).appendChild(h);
            });
            put(out, message, path + " with a foreign child", d -> find(d, path).appendChild(
                    d.createElementNS("urn:example:foreign", "f:extra")));
            put(out, message, path + " with xsi:nil", d -> find(d, path).setAttributeNS(XSI, "xsi:nil", "true"));
            put(out, message, path + " with text before its children", d -> find(d, path).insertBefore(
                    d.createTextNode("text"), find(d, path).getFirstChild()));
            if (isLeaf(e)) {
                for (String value : values) {
                    put(out, message, path + " = '" + abbreviate(value) + "'", d -> find(d, path).setTextContent(value));
                }
                put(out, message, path + " with a comment inside", d -> {
                    Element x = find(d, path);
                    String t = x.getTextContent();
                    x.setTextContent(t.length() > 1 ? t.substring(0, 1) : t);
                    x.appendChild(d.createComment("c"));
                    x.appendChild(d.createTextNode(t.length() > 1 ? t.substring(1) : ""));
                });
            }
        }
        for (String attribute : List.of("guid", "version")) {
            for (String value : VALUES) {
                put(out, message, "root @" + attribute + " = '" + abbreviate(value) + "'",
                        d -> d.getDocumentElement().setAttribute(attribute, value));
            }
            put(out, message, "root @" + attribute + " removed", d -> d.getDocumentElement().removeAttribute(attribute));
        }
        for (int count : new int[] {5, 6, 99, 100, 101}) {
            // the records and lines of each CEB format (export lines go to 100, import ones to 99)
            for (String name : List.of("Order", "OrderList", "BaseSubscribe", "OrderReturn", "Receipts", "ReceiptsReturn",
                    "Logistics", "LogisticsReturn", "Inventory", "InventoryList", "InventoryReturn")) {
                put(out, message, name + " repeated to " + count, d -> repeat(d, name, count));
            }
            for (String name : List.of("InvtCancel", "InvtRefund", "InvtRefundList", "Delivery", "Tax", "TaxListRd",
                    "MessageReturn", "InvtCancelReturn", "InvtRefundReturn", "DeliveryReturn")) {
                put(out, message, name + " repeated to " + count, d -> repeat(d, name, count));
            }
        }
        return out;
    }

    private static void put(Map<String, byte[]> out, Document message, String label, Consumer<Document> change) {
        Document d = (Document) message.cloneNode(true);
        try {
            change.accept(d);
        } catch (RuntimeException e) {
            return;
        }
        out.put(label, serialize(d));
    }

    /** Clones the first element of that name (or adds BaseSubscribe ones) until there are {@code count}. */
    private static void repeat(Document d, String name, int count) {
        var list = d.getElementsByTagNameNS("*", name);
        Element first;
        if (list.getLength() == 0) {
            if (!"BaseSubscribe".equals(name)) {
                throw new IllegalStateException("nothing to repeat");
            }
            Element transfer = (Element) d.getElementsByTagNameNS("*", "BaseTransfer").item(0);
            if (transfer == null) {
                throw new IllegalStateException("no BaseTransfer");
            }
            String ns = transfer.getNamespaceURI();
            first = d.createElementNS(ns, transfer.getPrefix() == null ? name : transfer.getPrefix() + ":" + name);
            for (String[] leaf : new String[][] {{"status", "ALL"}, {"dxpMode", "DXP"}, {"dxpAddress", "DXPENT0000000001"}}) {
                Element x = d.createElementNS(ns, transfer.getPrefix() == null ? leaf[0] : transfer.getPrefix() + ":" + leaf[0]);
                x.setTextContent(leaf[1]);
                first.appendChild(x);
            }
            transfer.getParentNode().insertBefore(first, nextElement(transfer));
        } else {
            first = (Element) list.item(0);
        }
        int have = d.getElementsByTagNameNS("*", name).getLength();
        Node parent = first.getParentNode();
        for (int i = have; i < count; i++) {
            parent.insertBefore(first.cloneNode(true), first.getNextSibling());
        }
    }

    private static void collectPaths(Element e, String parentPath, List<String> out) {
        String path = parentPath + "/" + e.getLocalName() + "[" + position(e) + "]";
        out.add(path);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collectPaths(child, path, out);
            }
        }
    }

    private static int position(Element e) {
        int n = 1;
        for (Node s = e.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
            if (s instanceof Element x && x.getLocalName().equals(e.getLocalName())) {
                n++;
            }
        }
        return n;
    }

    private static Element find(Document d, String path) {
        Element current = null;
        for (String step : path.substring(1).split("/")) {
            String name = step.substring(0, step.indexOf('['));
            int pos = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
            if (current == null) {
                current = d.getDocumentElement();
                continue;
            }
            Element found = null;
            int n = 0;
            for (Node c = current.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element x && x.getLocalName().equals(name) && ++n == pos) {
                    found = x;
                    break;
                }
            }
            if (found == null) {
                throw new IllegalStateException("no " + path);
            }
            current = found;
        }
        return current;
    }

    private static boolean isLeaf(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                return false;
            }
        }
        return true;
    }

    /** One set of mutations per element name in its parent, not per occurrence. */
    private static String signature(Element e) {
        Node p = e.getParentNode();
        return (p instanceof Element pe ? pe.getLocalName() : "") + "/" + e.getNamespaceURI() + ":" + e.getLocalName();
    }

    private static Node nextElement(Node n) {
        for (Node s = n.getNextSibling(); s != null; s = s.getNextSibling()) {
            if (s instanceof Element) {
                return s;
            }
        }
        return null;
    }

    private static void remove(Node n) {
        n.getParentNode().removeChild(n);
    }

    private static String abbreviate(String v) {
        return v.length() > 12 ? v.substring(0, 6) + "…(" + v.length() + ")" : v;
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newDefaultInstance();

    static byte[] serialize(Document d) {
        try {
            Transformer t = TRANSFORMERS.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
