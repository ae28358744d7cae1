package io.phistream.topology.quality;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a FHIR resource in JSON or XML into its JSON shape (a Jackson tree), for the quality rules and the dedupe
 * digest. It is the gate's own, lighter parse: de-identification parses again with HAPI's model (about 30 times the
 * cost, see README-quality.md), and it would need the de-identification stage to take a parsed resource to share
 * one parse. JSON is read by Jackson as is. XML is mapped as FHIR's JSON format maps it: elements become
 * properties (repeats become arrays), a primitive's {@code value} attribute its value (its id and extensions go to
 * {@code _name}), a resource inside {@code resource}/{@code contained} an object with {@code resourceType}, and the
 * XHTML narrative its markup as text.
 *
 * <p>Unreadable input throws {@link Unreadable} (no input in its message). DTDs are refused (no entity expansion,
 * no external fetches, as the de-identifier refuses them), trailing content after the resource too (a multi-line
 * NDJSON record is not one resource), and nesting deeper than {@link #MAX_DEPTH}.
 */
final class FhirReader {

    /** Far deeper than any real resource (extensions nest a few levels); bounds the recursion of rules and digests. */
    static final int MAX_DEPTH = 128;

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final XMLInputFactory XML = xmlFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private FhirReader() {
    }

    /** The input is not a FHIR resource this reader can read. */
    static final class Unreadable extends Exception {
        Unreadable() {
            super("unreadable FHIR input", null, false, false);
        }
    }

    /** JSON or XML by the first character after a BOM and whitespace; null for neither. */
    static Boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' ? Boolean.TRUE : c == '<' ? Boolean.FALSE : null;
        }
        return null;
    }

    /** A resource: a JSON object with a non-empty textual {@code resourceType}. */
    static ObjectNode read(String text, boolean json) throws Unreadable {
        JsonNode n;
        try {
            n = json ? JSON.readTree(strip(text)) : readXml(text);
        } catch (IOException | XMLStreamException | RuntimeException | StackOverflowError e) {
            throw new Unreadable();
        }
        if (n instanceof ObjectNode o && o.path("resourceType").isTextual() && !o.get("resourceType").asText().isBlank()) {
            return o;
        }
        throw new Unreadable();
    }

    private static String strip(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    private static JsonNode readXml(String text) throws XMLStreamException, Unreadable {
        XMLStreamReader r = XML.createXMLStreamReader(new StringReader(strip(text)));
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new Unreadable();
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    ObjectNode res = resource(r, 1);
                    while (r.hasNext()) { // only comments, processing instructions and whitespace may follow
                        int after = r.next();
                        if (after == XMLStreamConstants.START_ELEMENT || after == XMLStreamConstants.DTD
                                || after == XMLStreamConstants.ENTITY_REFERENCE) {
                            throw new Unreadable();
                        }
                    }
                    return res;
                }
            }
            throw new Unreadable();
        } finally {
            r.close();
        }
    }

    /** At a resource's start tag: its JSON object, {@code resourceType} first. */
    private static ObjectNode resource(XMLStreamReader r, int depth) throws XMLStreamException, Unreadable {
        ObjectNode o = NODES.objectNode();
        o.put("resourceType", r.getLocalName());
        Element e = element(r, depth);
        if (e.object != null) {
            o.setAll(e.object);
        }
        return o;
    }

    /** One element's JSON shape: a primitive's value and/or an object of its children and attributes. */
    private static final class Element {
        JsonNode value;
        ObjectNode object;

        ObjectNode object() {
            if (object == null) {
                object = NODES.objectNode();
            }
            return object;
        }
    }

    /** At a start tag: reads up to and including its end tag. */
    private static Element element(XMLStreamReader r, int depth) throws XMLStreamException, Unreadable {
        if (depth > MAX_DEPTH) {
            throw new Unreadable();
        }
        Element e = new Element();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String name = r.getAttributeLocalName(i);
            String ns = r.getAttributeNamespace(i);
            if (ns != null && !ns.isEmpty() && !XMLConstants.NULL_NS_URI.equals(ns)) {
                continue;
            }
            if (name.equals("value")) {
                e.value = TextNode.valueOf(r.getAttributeValue(i));
            } else {
                e.object().put(name, r.getAttributeValue(i)); // id, url
            }
        }
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return e;
            }
            if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new Unreadable();
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue; // whitespace, comments
            }
            String name = r.getLocalName();
            if (XHTML.equals(r.getNamespaceURI()) && name.equals("div")) {
                add(e.object(), name, TextNode.valueOf(xhtml(r, depth + 1)));
            } else if (Character.isUpperCase(name.charAt(0))) {
                // a resource inside resource/contained/outcome: the wrapper element is the resource itself
                ObjectNode res = resource(r, depth + 1);
                if (e.object != null) {
                    res.setAll(e.object);
                }
                e.object = res;
            } else {
                Element c = element(r, depth + 1);
                if (c.value != null) {
                    add(e.object(), name, c.value);
                    if (c.object != null) {
                        add(e.object(), "_" + name, c.object);
                    }
                } else {
                    add(e.object(), name, c.object != null ? c.object : NODES.objectNode());
                }
            }
        }
    }

    private static void add(ObjectNode o, String name, JsonNode v) {
        JsonNode old = o.get(name);
        if (old == null) {
            o.set(name, v);
        } else if (old instanceof ArrayNode a) {
            a.add(v);
        } else {
            ArrayNode a = NODES.arrayNode();
            a.add(old);
            a.add(v);
            o.set(name, a);
        }
    }

    /** The narrative's markup as text (tags, attributes, text), for the digest; it is not validated here. */
    private static String xhtml(XMLStreamReader r, int depth) throws XMLStreamException, Unreadable {
        StringBuilder sb = new StringBuilder();
        int level = 0;
        int ev = XMLStreamConstants.START_ELEMENT;
        while (true) {
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (depth + level > MAX_DEPTH) {
                        throw new Unreadable();
                    }
                    sb.append('<').append(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        sb.append(' ').append(r.getAttributeLocalName(i)).append("=\"").append(r.getAttributeValue(i))
                                .append('"');
                    }
                    sb.append('>');
                    level++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    sb.append("</").append(r.getLocalName()).append('>');
                    if (--level == 0) {
                        return sb.toString();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(r.getText());
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw new Unreadable();
                default -> { }
            }
            ev = r.next();
        }
    }
}
