package org.parley.xccos;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads untrusted XML into {@link XmlNode}s. Bodies come from any client on the network, so:
 * no DTD at all (a DOCTYPE is refused, which also rules out entity expansion and external
 * entities), bounded size, bounded depth and a bounded number of elements.
 */
final class SecureXmlReader {

    private static final XMLInputFactory FACTORY = createFactory();

    private final int maxBytes;
    private final int maxDepth;
    private final int maxElements;

    SecureXmlReader(int maxBytes, int maxDepth, int maxElements) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxElements = maxElements;
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    XmlNode read(byte[] body) {
        if (body.length == 0) {
            throw new XccosException("empty body");
        }
        if (body.length > maxBytes) {
            throw new XccosException("body of " + body.length + " bytes is over the limit of " + maxBytes);
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body), "UTF-8");
            return readDocument(reader);
        } catch (XMLStreamException e) {
            throw new XccosException("not well-formed XML: " + firstLine(e.getMessage()), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open for an in-memory stream
                }
            }
        }
    }

    private XmlNode readDocument(XMLStreamReader reader) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlNode root = null;
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD,
                        XMLStreamConstants.ENTITY_REFERENCE,
                        XMLStreamConstants.ENTITY_DECLARATION ->
                    throw new XccosException("DTDs and entity declarations are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > maxElements) {
                        throw new XccosException("more than " + maxElements + " elements");
                    }
                    if (open.size() >= maxDepth) {
                        throw new XccosException("nested deeper than " + maxDepth + " elements");
                    }
                    open.push(new Builder(reader));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlNode node = open.pop().build();
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.peek().children.add(node);
                    }
                }
                default -> {
                    // comments, processing instructions, the document's end: nothing to keep
                }
            }
        }
        if (root == null) {
            throw new XccosException("no root element");
        }
        return root;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static final class Builder {
        final String namespace;
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<XmlNode> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(XMLStreamReader reader) {
            namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            name = reader.getLocalName();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT), reader.getAttributeValue(i));
            }
        }

        XmlNode build() {
            return new XmlNode(namespace, name, Map.copyOf(attributes), List.copyOf(children), text.toString());
        }
    }
}
