package org.parley.chat.interfaces.sip;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The in-band provisioning answer (docs/protocol/xccos.md §2, docs/protocol/real-client.md A.2): a provisionGroupList
 * with the persistentChatConfiguration group, telling the client whether it may use persistent
 * chat, where the chat endpoint is and, when one is set, where rooms are managed.
 */
final class ProvisioningDocument {

    static final String CONTENT_TYPE = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    static final String EVENT = "vnd-microsoft-provisioning-v2";
    private static final String NAMESPACE = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private ProvisioningDocument() {}

    static byte[] persistentChat(boolean enabled, String poolUri) {
        return persistentChat(enabled, poolUri, null);
    }

    /**
     * @param roomManagementUrl the room management page (parley.chat.room-management-url), or null for none: the
     *                          properties are then left out, and the document is the one a real client accepted
     */
    static byte[] persistentChat(boolean enabled, String poolUri, String roomManagementUrl) {
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
            if (roomManagementUrl != null) {
                // The names are [MS-SIPREGE] 2.2.2.5.11's: the URI of the chat room management web application, for a
                // client inside the network (Int) and outside it (Ext). [INF] That Lync put its RoomManagementUrl
                // there (no capture shows it), and that one URL serves both: Parley has one setting, and a client
                // signed in from outside must still find the page. SIPE reads neither (sipe-notify.c reads only
                // EnablePersistentChat and DefaultPersistentChatPoolUri), so it is unaffected.
                property(xml, "PersistentChatWebManagerUriInt", roomManagementUrl);
                property(xml, "PersistentChatWebManagerUriExt", roomManagementUrl);
            }
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
