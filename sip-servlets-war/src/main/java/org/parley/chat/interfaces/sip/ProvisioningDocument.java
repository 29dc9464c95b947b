package org.parley.chat.interfaces.sip;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The in-band provisioning answer (PROTOCOL.md §2, REAL-CLIENT.md A.2): a provisionGroupList
 * with the persistentChatConfiguration group, telling the client whether it may use persistent
 * chat and where the chat endpoint is.
 */
final class ProvisioningDocument {

    static final String CONTENT_TYPE = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    static final String EVENT = "vnd-microsoft-provisioning-v2";
    private static final String NAMESPACE = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private ProvisioningDocument() {
    }

    static byte[] persistentChat(boolean enabled, String poolUri) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(400);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "provisionGroupList");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("provisionGroup");
            xml.writeAttribute("name", "persistentChatConfiguration");
            xml.writeStartElement("propertyEntryList");
            property(xml, "EnablePersistentChat", Boolean.toString(enabled));
            property(xml, "DefaultPersistentChatPoolUri", poolUri);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the provisioning document", e);
        }
        return out.toByteArray();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("property");
        xml.writeAttribute("name", name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
