package org.parley.xccos;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An element as the reader saw it. Attribute names are kept lower-case because real clients and
 * servers compare them case-insensitively (docs/protocol/xccos.md §5); element names keep their case.
 */
record XmlNode(String namespace, String name, Map<String, String> attributes, List<XmlNode> children, String text) {

    String attribute(String attributeName) {
        return attributes.get(attributeName.toLowerCase(Locale.ROOT));
    }

    String requiredAttribute(String attributeName) {
        String value = attribute(attributeName);
        if (value == null) {
            throw new XccosException("<" + name + "> needs the attribute " + attributeName);
        }
        return value;
    }

    Optional<XmlNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    List<XmlNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }
}
