package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * The chat endpoint of the deployed EAR over the wire, the way pidgin-sipe uses it (PROTOCOL.md
 * §3-4): the lookup dialog over each transport, then the errors a client can meet. The suite
 * trusts From (PARLEY_SIP_IDENTITY=trust-from in the failsafe settings).
 */
@ExtendWith(ArquillianExtension.class)
class SipChatIT {

    private static final long REQURI_ENVID = 1331762711L;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    @RunAsClient
    void lookupDialogOverUdp() throws Exception {
        lookupDialog("UDP", true);
    }

    /** SIPE's own way: TCP, no branch in any Via, a Contact nobody listens on. */
    @Test
    @RunAsClient
    void lookupDialogOverTcpWithBranchlessVias() throws Exception {
        lookupDialog("TCP", false);
    }

    @Test
    @RunAsClient
    void lookupDialogOverTls() throws Exception {
        lookupDialog("TLS", true);
    }

    @Test
    @RunAsClient
    void malformedXccosIs400() throws Exception {
        try (RawSip sip = SipServer.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, SipServer.LOOKUP, false, SipServer.ALICE);
            dialog.establish();
            assertEquals(400, dialog.call("INFO", "<xccos ver=\"1\" envid=\"1\"><cmd id=").status());
            assertEquals(200, dialog.call("BYE", null).status());
        }
    }

    /** Users of the served domain that no chat endpoint takes belong to the registrar (RegistrarServlet). */
    @Test
    @RunAsClient
    void userOfAnotherDomainIs404() throws Exception {
        try (RawSip sip = SipServer.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@elsewhere.example", false, SipServer.ALICE);
            assertEquals(404, dialog.call("INVITE", null).status());
        }
    }

    /** SIPE's two-stage connect: the URI from rpl:requri is INVITEd again, with a new Call-ID. */
    @Test
    @RunAsClient
    void secondInviteToTheChatEndpoint() throws Exception {
        try (RawSip sip = SipServer.client("TCP")) {
            ClientDialog lookup = new ClientDialog(sip, SipServer.LOOKUP, false, SipServer.ALICE);
            lookup.establish();
            assertEquals(200, lookup.call("INFO", SipServer.command("cmd:requri", REQURI_ENVID)).status());
            String chatUri = SipServer.xpath(lookup.answerRequest("INFO").body(), "/xccos/rpl/data/uib/@uri");
            assertEquals(SipServer.CHAT, chatUri);
            assertEquals(200, lookup.call("BYE", null).status());

            ClientDialog chat = new ClientDialog(sip, chatUri, false, SipServer.ALICE);
            RawSip.Msg ok = chat.establish();
            assertFalse(chat.callId().equals(lookup.callId()));
            assertNotNull(ok.param("To", "tag"));
            assertTrue(ok.uri("Contact").startsWith("sip:GC-1-PersistentChatService-1@"), ok.toString());
            assertEquals(200, chat.call("UPDATE", null).status());
            assertEquals(200, chat.call("BYE", null).status());
        }
    }

    private static void lookupDialog(String transport, boolean branch) throws Exception {
        try (RawSip sip = SipServer.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, SipServer.LOOKUP, branch, SipServer.ALICE);
            RawSip.Msg ok = dialog.establish();
            assertFalse(ok.param("To", "tag") == null || ok.param("To", "tag").isBlank(), ok.toString());
            assertTrue(ok.uri("Contact").startsWith("sip:ocschat@"), ok.toString());
            assertTrue(ok.uri("Contact").contains("transport=" + transport.toLowerCase(Locale.ROOT)), ok.toString());
            assertTrue(ok.header("Session-Expires").matches("\\d+;refresher=uac"), ok.toString());

            RawSip.Msg accepted = dialog.call("INFO", SipServer.command("cmd:requri", REQURI_ENVID));
            assertEquals(200, accepted.status(), accepted.toString());
            RawSip.Msg reply = dialog.answerRequest("INFO");
            assertServerInfo(dialog, reply, 1);
            assertEquals("rpl:requri", SipServer.xpath(reply.body(), "/xccos/rpl/@id"), reply.body());
            assertEquals(Long.toString(REQURI_ENVID), SipServer.xpath(reply.body(), "/xccos/rpl/commandid/@envid"));
            assertEquals("200", SipServer.xpath(reply.body(), "/xccos/rpl/resp/@code"), reply.body());
            assertEquals(SipServer.CHAT, SipServer.xpath(reply.body(), "/xccos/rpl/data/uib/@uri"), reply.body());

            assertEquals(200, dialog.call("INFO", SipServer.command("cmd:nosuchcommand", 7)).status());
            RawSip.Msg error = dialog.answerRequest("INFO");
            assertServerInfo(dialog, error, 2);
            assertEquals("7", SipServer.xpath(error.body(), "/xccos/rpl/commandid/@envid"), error.body());
            assertEquals("501", SipServer.xpath(error.body(), "/xccos/rpl/resp/@code"), error.body());

            assertEquals(200, dialog.call("UPDATE", null).status());
            assertEquals(200, dialog.call("BYE", null).status());
            assertEquals(481, dialog.call("INFO", SipServer.command("cmd:requri", 8)).status());
        }
    }

    /** What SIPE needs of a server INFO to find its session (PROTOCOL.md §4). */
    private static void assertServerInfo(ClientDialog dialog, RawSip.Msg info, long cseq) {
        assertTrue(dialog.target().equalsIgnoreCase(info.uri("From")), info.toString());
        assertEquals(dialog.toTag(), info.param("From", "tag"), info.toString());
        assertEquals(dialog.fromTag(), info.param("To", "tag"), info.toString());
        assertEquals(dialog.callId(), info.header("Call-ID"));
        assertEquals(cseq + " INFO", info.header("CSeq"));
        assertEquals("text/plain", info.header("Content-Type"));
    }
}
