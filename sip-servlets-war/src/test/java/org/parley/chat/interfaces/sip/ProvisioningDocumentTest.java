package org.parley.chat.interfaces.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ProvisioningDocumentTest {

    /**
     * The body of the 200 OK in docs/protocol/real-client.md appendix A.2, verbatim (Content-Length: 370): the answer a
     * real pidgin-sipe accepted and started group chat with. No XML declaration, no whitespace.
     */
    private static final String CAPTURED =
            "<provisionGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisiongrouplist\">"
                    + "<provisionGroup name=\"persistentChatConfiguration\"><propertyEntryList>"
                    + "<property name=\"EnablePersistentChat\">true</property>"
                    + "<property name=\"DefaultPersistentChatPoolUri\">sip:GC-1-PersistentChatService-1@contoso.com</property>"
                    + "</propertyEntryList></provisionGroup></provisionGroupList>";

    @Test
    void matchesTheCapturedAnswerByteForByte() {
        byte[] body = ProvisioningDocument.persistentChat(true, "sip:GC-1-PersistentChatService-1@contoso.com");

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(CAPTURED);
        assertThat(body).isEqualTo(CAPTURED.getBytes(StandardCharsets.UTF_8)).hasSize(370);
    }

    @Test
    void saysWhenChatIsDisabled() {
        byte[] body = ProvisioningDocument.persistentChat(false, "sip:GC-1-PersistentChatService-1@contoso.com");

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(CAPTURED.replace(">true<", ">false<"));
    }

    /**
     * SIPE matches the root and group by name and namespace, not the request's provisioningGroupList
     * (docs/protocol/real-client.md §2 item 4); a pool URI with XML specials must still give a well-formed document.
     */
    @Test
    void isWellFormedWithTheRightNamesForAnyPoolUri() throws Exception {
        String pool = "sip:chat&pool<1>@fabrikam.com";
        byte[] body = ProvisioningDocument.persistentChat(true, pool);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("provisionGroupList");
        assertThat(root.getNamespaceURI()).isEqualTo("http://schemas.microsoft.com/2006/09/sip/provisiongrouplist");
        Element group = (Element) root.getElementsByTagNameNS(root.getNamespaceURI(), "provisionGroup")
                .item(0);
        assertThat(group.getAttribute("name")).isEqualTo("persistentChatConfiguration");
        Element poolProperty = (Element)
                group.getElementsByTagNameNS(root.getNamespaceURI(), "property").item(1);
        assertThat(poolProperty.getAttribute("name")).isEqualTo("DefaultPersistentChatPoolUri");
        assertThat(poolProperty.getTextContent()).isEqualTo(pool);
    }

    /**
     * A room management URL set is given as [MS-SIPREGE]'s web manager URIs, inside and outside the network, after
     * the properties a real client read (which stay as captured); XML specials in it are escaped.
     */
    @Test
    void givesTheRoomManagementUrlWhenOneIsSet() {
        String url = "https://chat.contoso.com/rooms?a=1&b=2";
        byte[] body = ProvisioningDocument.persistentChat(true, "sip:GC-1-PersistentChatService-1@contoso.com", url);

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(CAPTURED.replace(
                        "</propertyEntryList>",
                        "<property name=\"PersistentChatWebManagerUriInt\">https://chat.contoso.com/rooms?a=1&amp;b=2</property>"
                                + "<property name=\"PersistentChatWebManagerUriExt\">https://chat.contoso.com/rooms?a=1&amp;b=2"
                                + "</property></propertyEntryList>"));
    }

    @Test
    void leavesTheRoomManagementUrlOutWhenNoneIsSet() {
        assertThat(ProvisioningDocument.persistentChat(true, "sip:GC-1-PersistentChatService-1@contoso.com", null))
                .isEqualTo(CAPTURED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contentTypeAndEventAreTheProvisioningV2Ones() {
        assertThat(ProvisioningDocument.CONTENT_TYPE)
                .isEqualTo("application/vnd-microsoft-roaming-provisioning-v2+xml");
        assertThat(ProvisioningDocument.EVENT).isEqualTo("vnd-microsoft-provisioning-v2");
    }
}
